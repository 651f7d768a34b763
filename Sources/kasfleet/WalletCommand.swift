import ArgumentParser
import Foundation
import WalletKit

/// `kasfleet wallet ...`
struct WalletCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wallet", abstract: "Create, import, open and inspect the encrypted wallet.",
        subcommands: [WalletCreate.self, WalletImport.self, WalletOpen.self, WalletInfo.self, WalletChangePassword.self])
}

/// What `wallet create` and `wallet import` print.
struct WalletCreatedReport: Encodable {
    let network: String
    let path: String
    let accounts: [AccountReport]
    @NullWhenAbsent var mnemonic: String?
}

struct WalletCreate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create a wallet with a new mnemonic (shown once; confirm three of its words).")

    @OptionGroup var store: StoreOptions

    @Option(help: "Mnemonic length: 12 or 24 words.")
    var words: Int = 24

    @Option(name: .customLong("passphrase-file"), help: ArgumentHelp("File holding an optional BIP39 passphrase.", valueName: "file"))
    var passphraseFile: String?

    @Flag(name: .customLong("show-mnemonic"), help: "With --json: put the words in the JSON output (they are shown only once).")
    var showMnemonic = false

    @Flag(name: .customLong("skip-confirmation"), help: "Do not ask for three of the words back (for scripts that store the words themselves).")
    var skipConfirmation = false

    @Flag(help: "Print JSON on stdout.")
    var json = false

    func validate() throws {
        guard words == 12 || words == 24 else { throw ValidationError("--words must be 12 or 24, got \(words)") }
    }

    func run() throws {
        try runReporting {
            let url = store.databaseURL
            guard !WalletStore.exists(at: url) else { throw StoreError.alreadyExists(path: url.path) }
            let onTerminal = isatty(STDERR_FILENO) == 1
            if json && !showMnemonic && !onTerminal {
                throw CLIError.usage("with --json and no terminal the mnemonic would never be shown: add --show-mnemonic to put it in the JSON")
            }
            let password = try store.newPassword(file: store.passwordFile)
            let passphrase = try passphraseFile.map { try SecretInput.readPassphrase(path: $0) }
            let mnemonic = Mnemonic.random(wordCount: words == 12 ? .twelve : .twentyFour)
            if !(json && showMnemonic) { MnemonicDisplay.show(mnemonic) }
            if !skipConfirmation { try MnemonicDisplay.confirm(mnemonic) }
            let wallet = try WalletStore.create(at: url, network: store.network, password: password,
                                                source: .mnemonic(mnemonic, passphrase: passphrase))
            let accounts = try wallet.accounts().map { try AccountReport($0, store: wallet) }
            if json {
                try Console.json(WalletCreatedReport(network: store.network.rawValue, path: url.path, accounts: accounts,
                                                     mnemonic: showMnemonic ? mnemonic.phrase : nil))
            } else {
                Console.out("created \(store.network.rawValue) wallet at \(url.path)")
                for a in accounts { Console.out("account \(a.name): receive address \(a.receiveAddress ?? "-")") }
            }
        }
    }
}

/// Shows the words once and asks three of them back.
enum MnemonicDisplay {
    static func show(_ mnemonic: Mnemonic) {
        Console.error("Write these \(mnemonic.wordCount.rawValue) words down, in order. They are shown only once and restore every key of the wallet:")
        let words = mnemonic.words
        var lines: [String] = []
        for row in stride(from: 0, to: words.count, by: 4) {
            lines.append((row..<min(row + 4, words.count)).map { i in
                let label = (i < 9 ? " " : "") + "\(i + 1). " + words[i]
                return label.padding(toLength: 14, withPad: " ", startingAt: 0)
            }.joined(separator: " "))
        }
        Console.error(lines.joined(separator: "\n"))
    }

    /// Asks for three random positions on stderr, reads the answers from stdin; any mismatch ends the command
    /// before anything is written.
    static func confirm(_ mnemonic: Mnemonic) throws {
        let words = mnemonic.words
        var positions = Set<Int>()
        while positions.count < 3 { positions.insert(Int.random(in: 0..<words.count)) }
        for p in positions.sorted() {
            Console.error("Confirm word #\(p + 1): ")
            guard let answer = readLine(strippingNewline: true) else {
                throw CLIError.usage("confirmation needs the words on standard input (or pass --skip-confirmation); no wallet was created")
            }
            guard answer.trimmingCharacters(in: .whitespaces).lowercased() == words[p] else {
                throw CLIError.badData("word #\(p + 1) does not match; no wallet was created. Run create again and keep the words")
            }
        }
    }
}

struct WalletImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a mnemonic (BIP39 or legacy KDX), a Go kaspawallet keys.json, a kprv, a private key, or a kpub (watch-only).",
        discussion: "Creates the wallet if none exists at the location; otherwise adds the keys to it as a new account (its password is needed).")

    @OptionGroup var store: StoreOptions

    @Option(name: .customLong("mnemonic-file"), help: ArgumentHelp("File holding 12 or 24 words.", valueName: "file"))
    var mnemonicFile: String?
    @Option(name: .customLong("passphrase-file"), help: ArgumentHelp("File holding the BIP39 passphrase of --mnemonic-file.", valueName: "file"))
    var passphraseFile: String?
    @Flag(help: "The mnemonic or xprv is a legacy KDX / kaspanet.io web wallet (m/44'/972/0').")
    var legacy = false
    @Option(name: .customLong("keys-file"), help: ArgumentHelp("A Go kaspawallet keys.json (single-signer or multisig).", valueName: "file"))
    var keysFile: String?
    @Option(name: .customLong("keys-password-file"), help: ArgumentHelp("File holding the keys.json password (default: empty).", valueName: "file"))
    var keysPasswordFile: String?
    @Option(name: .customLong("xprv-file"), help: ArgumentHelp("File holding a master kprv/xprv.", valueName: "file"))
    var xprvFile: String?
    @Option(name: .customLong("key-file"), help: ArgumentHelp("File holding one private key (64 hex characters).", valueName: "file"))
    var keyFile: String?
    @Option(help: "An account kpub to watch (no private keys).")
    var kpub: String?

    @Flag(help: "Print JSON on stdout.")
    var json = false

    func validate() throws {
        let given = [mnemonicFile, keysFile, xprvFile, keyFile, kpub].compactMap { $0 }.count
        guard given == 1 else { throw ValidationError("give exactly one of --mnemonic-file, --keys-file, --xprv-file, --key-file, --kpub") }
        if legacy && mnemonicFile == nil && xprvFile == nil { throw ValidationError("--legacy applies to --mnemonic-file or --xprv-file") }
        if passphraseFile != nil && (mnemonicFile == nil || legacy) { throw ValidationError("--passphrase-file applies to a BIP39 --mnemonic-file") }
    }

    func source() throws -> WalletSource {
        if let mnemonicFile {
            let words = try SecretInput.read(path: mnemonicFile, what: "mnemonic", allowStdin: true)
            let mnemonic = try Mnemonic(phrase: words.withUnsafeBytes { String(decoding: $0, as: UTF8.self) })
            if legacy {
                guard mnemonic.wordCount == .twelve else { throw CLIError.badData("legacy KDX mnemonics have 12 words, this one has 24") }
                return .legacyMnemonic(mnemonic)
            }
            return .mnemonic(mnemonic, passphrase: try passphraseFile.map { try SecretInput.readPassphrase(path: $0) })
        }
        if let keysFile {
            let file = try GoKeysFile.parse(try readInput(keysFile, what: "keys.json"))
            let password = try keysPasswordFile.map { try SecretInput.readPassphrase(path: $0) } ?? SecretBytes([])
            return .goKeysFile(file, filePassword: password)
        }
        if let xprvFile {
            let text = try readSecretFile(xprvFile, what: "xprv")
            let (key, prefix) = try ExtendedPrivateKey.decode(text.withUnsafeBytes { String(decoding: $0, as: UTF8.self) })
            guard prefix.isPrivate else { throw CLIError.badData("\(xprvFile) holds a public key; use --kpub for watch-only") }
            return legacy ? .legacyMasterKey(key) : .masterKey(key)
        }
        if let keyFile {
            let secret = try readSecretFile(keyFile, what: "key")
            do {
                var bytes = try Hex.decode(String(decoding: secret.copyBytes(), as: UTF8.self), length: 32)
                defer { SecretBytes.wipe(&bytes) }
                return .privateKey(try PrivateKey(bytes: bytes))
            } catch { throw CLIError.badData("\(keyFile) does not hold a private key: expected 64 hex characters of a valid secp256k1 key") }
        }
        guard let kpub else { throw CLIError.usage("nothing to import") }
        do { return .watchOnly(try ExtendedPublicKey(kpub)) } catch { throw CLIError.badData("--kpub: \(error)") }
    }

    func run() throws {
        try runReporting {
            let source = try source()
            let url = store.databaseURL
            let wallet: WalletStore
            let added: [AccountRecord]
            if WalletStore.exists(at: url) {
                wallet = try store.open()
                added = try wallet.importSource(source, keys: try store.unlock(wallet, for: "to add the imported keys"))
            } else {
                wallet = try WalletStore.create(at: url, network: store.network, password: try store.newPassword(file: store.passwordFile), source: source)
                added = try wallet.accounts()
            }
            let accounts = try added.map { try AccountReport($0, store: wallet) }
            if json {
                try Console.json(WalletCreatedReport(network: store.network.rawValue, path: url.path, accounts: accounts, mnemonic: nil))
            } else {
                for a in accounts { Console.out("imported account \(a.name) (\(a.kind)): receive address \(a.receiveAddress ?? "-")") }
            }
        }
    }
}
