import ArgumentParser
import Foundation
import WalletKit

/// `kasfleet address derive`: addresses of a mnemonic's account, without opening a wallet.
struct AddressDerive: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "derive",
        abstract: "Derive addresses from a mnemonic (BIP32 m/44'/111111'/<account>', or legacy KDX with --legacy).",
        discussion: """
            The mnemonic and passphrase are read from files, never from the command line or the environment.
            Each line shows the index, the derivation path, the address and the compressed public key.
            """)

    @Option(name: .customLong("mnemonic-file"), help: ArgumentHelp("File holding the 12 or 24 words ('-' reads standard input).", valueName: "file"))
    var mnemonicFile: String

    @Option(name: .customLong("passphrase-file"), help: ArgumentHelp("File holding the BIP39 passphrase (the 'payment secret'), if any.", valueName: "file"))
    var passphraseFile: String?

    @Option(help: "mainnet, testnet-10, testnet-12, devnet or simnet.")
    var network: String = "mainnet"

    @Option(help: "Account index (BIP32 accounts only).")
    var account: UInt32 = 0

    @Flag(help: "Derive the change chain instead of the receive chain.")
    var change = false

    @Option(help: "First address index.")
    var from: UInt32 = 0

    @Option(help: "How many addresses (1 to 100000).")
    var count: UInt32 = 10

    @Flag(help: "Legacy KDX / kaspanet.io web wallet derivation m/44'/972/0'/<chain>'/<index>'.")
    var legacy = false

    @Flag(help: "ECDSA (PubKeyECDSA) addresses instead of Schnorr.")
    var ecdsa = false

    @Flag(help: "Print a JSON array on stdout.")
    var json = false

    func validate() throws {
        do { _ = try Network(parsing: network) } catch { throw ValidationError(error.description) }
        guard (1...100_000).contains(count) else { throw ValidationError("--count must be between 1 and 100000, got \(count)") }
        guard account < ChildNumber.hardenedBit else { throw ValidationError("--account must be below 2147483648") }
        guard UInt64(from) + UInt64(count) <= UInt64(ChildNumber.hardenedBit) else {
            throw ValidationError("--from + --count must stay below 2147483648 (2^31)")
        }
        if legacy && ecdsa { throw ValidationError("legacy (KDX) wallets have Schnorr addresses only; drop --ecdsa or --legacy") }
        if legacy && account != 0 { throw ValidationError("legacy (KDX) wallets have a single account, 0; drop --account") }
    }

    struct Row {
        let index: UInt32
        let path: String
        let address: String
        let publicKey: String
    }

    func run() throws {
        do {
            let rows = try derive()
            print(json ? AddressDerive.jsonArray(rows) : AddressDerive.table(rows))
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw ExitStatus.fail(error)
        }
    }

    func derive() throws -> [Row] {
        let network = try Network(parsing: network)
        let prefix = network.addressPrefix
        let chain: AddressChain = change ? .change : .receive
        let words = try SecretInput.read(path: mnemonicFile, what: "mnemonic", allowStdin: true)
        let phrase = words.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
        let mnemonic = try Mnemonic(phrase: phrase)
        let passphrase = try passphraseFile.map { path throws(InputFileError) in try SecretInput.readPassphrase(path: path) }
        let master = try ExtendedPrivateKey(seed: mnemonic.seed(passphrase: passphrase))
        let indices = from..<(from + count)
        var rows: [Row] = []
        rows.reserveCapacity(Int(count))
        if legacy {
            let account = try LegacyAccount(master: master)
            for i in indices {
                let key = try account.publicKey(chain: chain, index: i)
                rows.append(Row(index: i, path: account.path(chain: chain, index: i).description,
                                address: Address.p2pk(key.xOnly, prefix: prefix).string, publicKey: key.compressed.hex))
            }
        } else {
            let account = try Bip32Account(master: master, account: self.account, ecdsa: ecdsa)
            for i in indices {
                let key = try account.publicKey(chain: chain, index: i)
                rows.append(Row(index: i, path: account.path(chain: chain, index: i).description,
                                address: Bip32Account.address(for: key, prefix: prefix, ecdsa: ecdsa).string, publicKey: key.compressed.hex))
            }
        }
        return rows
    }

    static func table(_ rows: [Row]) -> String {
        let pathWidth = rows.map(\.path.count).max() ?? 4
        let indexWidth = max(5, rows.map { String($0.index).count }.max() ?? 1)
        func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }
        var lines = [pad("index", indexWidth) + "  " + pad("path", pathWidth) + "  address  public key"]
        for r in rows {
            lines.append(pad(String(r.index), indexWidth) + "  " + pad(r.path, pathWidth) + "  " + r.address + "  " + r.publicKey)
        }
        return lines.joined(separator: "\n")
    }

    /// `[{"index":0,"path":"m/…","address":"kaspa:…","publicKey":"02…"}, …]`, keys in this order.
    static func jsonArray(_ rows: [Row]) -> String {
        let items = rows.map { r in
            "{\"index\":\(r.index),\"path\":\(jsonString(r.path)),\"address\":\(jsonString(r.address)),\"publicKey\":\(jsonString(r.publicKey))}"
        }
        return "[" + items.joined(separator: ",") + "]"
    }

    static func jsonString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
