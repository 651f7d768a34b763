import ArgumentParser
import Foundation
import WalletKit

/// Options every wallet command shares: where the wallet is, which network, where the password comes from.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: ArgumentHelp("Wallet directory (default $XDG_DATA_HOME/kasfleet/<network>/).", valueName: "dir"))
    var dataDir: String?

    @Option(help: "mainnet, testnet-10, testnet-12, devnet or simnet.")
    var network: Network = .mainnet

    @Option(name: .customLong("password-file"), help: ArgumentHelp("File holding the wallet password (else a no-echo prompt on a terminal).", valueName: "file"))
    var passwordFile: String?

    @Option(name: .customLong("busy-timeout"), help: ArgumentHelp("Seconds to wait for another process's write before reporting busy (exit 75).", valueName: "seconds"))
    var busyTimeout: Double = WalletStore.defaultBusyTimeout

    var directory: URL { WalletStore.directory(network: network, dataDir: dataDir) }
    var databaseURL: URL { WalletStore.databaseURL(directory: directory) }

    func open() throws -> WalletStore { try WalletStore.open(at: databaseURL, network: network, busyTimeout: busyTimeout) }

    /// The wallet password: the file's content (without its final line break), or a no-echo prompt.
    func password(for what: String) throws -> SecretBytes {
        if let passwordFile { return try SecretInput.readPassphrase(path: passwordFile) }
        return try PasswordPrompt.read("Wallet password (\(what)): ")
    }

    /// A new password: from the file, or typed twice on the terminal.
    func newPassword(file: String?) throws -> SecretBytes {
        if let file { return try SecretInput.readPassphrase(path: file) }
        let first = try PasswordPrompt.read("New wallet password: ")
        let second = try PasswordPrompt.read("Repeat the new password: ")
        guard first.isEqual(to: second) else { throw CLIError.usage("the two passwords differ; nothing was changed") }
        return first
    }

    /// Unlocks the wallet (checks the password against its key envelope).
    func unlock(_ store: WalletStore, for what: String) throws -> UnlockedKeys {
        try store.unlock(password: password(for: what))
    }
}

/// A no-echo password prompt on the controlling terminal (termios), for people; scripts use --password-file.
enum PasswordPrompt {
    static func read(_ prompt: String) throws -> SecretBytes {
        let fd = open("/dev/tty", O_RDWR)
        guard fd >= 0, isatty(fd) == 1 else {
            if fd >= 0 { close(fd) }
            throw CLIError.usage("a password is needed and there is no terminal to ask on: pass --password-file")
        }
        defer { close(fd) }
        _ = prompt.withCString { write(fd, $0, strlen($0)) }
        var saved = termios()
        tcgetattr(fd, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(fd, TCSAFLUSH, &silent)
        defer {
            tcsetattr(fd, TCSAFLUSH, &saved)
            _ = write(fd, "\n", 1)
        }
        var bytes: [UInt8] = []
        defer { SecretBytes.wipe(&bytes) }
        var c: UInt8 = 0
        while Foundation.read(fd, &c, 1) == 1, c != 0x0a, c != 0x0d { bytes.append(c) }
        return SecretBytes(bytes)
    }
}

extension AddressChain: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument {
        case "receive", "0": self = .receive
        case "change", "1": self = .change
        default: return nil
        }
    }
}

extension MachineStatus: ExpressibleByArgument {}

/// `KAS` text to sompi for options such as --daily 15.5.
func kasOption(_ text: String?, _ name: String) throws -> Sompi? {
    guard let text else { return nil }
    do { return try KasAmount.parse(text) } catch { throw CLIError.usage("\(name): \(error.description)") }
}

/// Unix seconds as ISO 8601 UTC.
func isoTime(_ seconds: Int64) -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    return f.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
}
