import ArgumentParser
import Foundation
import WalletKit

/// `kasfleet message sign|verify`: KIP-5 personal message signatures.
struct MessageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "message", abstract: "Sign and verify KIP-5 personal messages.",
        subcommands: [MessageSign.self, MessageVerify.self])
}

/// The message text: an argument, or a file's bytes (exactly, so signatures over multi-line text reproduce).
struct MessageText: ParsableArguments {
    @Argument(help: "The message text (or use --message-file).")
    var message: String?

    @Option(name: .customLong("message-file"), help: "Read the message from a file (`-` for stdin), byte for byte.")
    var messageFile: String?

    func text() throws -> String {
        switch (message, messageFile) {
        case (let m?, nil): return m
        case (nil, let f?):
            let data = try readInput(f)
            guard let s = String(data: data, encoding: .utf8) else { throw CLIError.badData("\(f) is not UTF-8 text") }
            return s
        default: throw CLIError.usage("give the message either as an argument or with --message-file, not both")
        }
    }
}

struct MessageSign: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sign", abstract: "Sign a message with a private key read from a file.")

    @OptionGroup var text: MessageText

    @Option(name: .customLong("key-file"), help: "File holding the 32-byte private key in hex (never pass keys on the command line).")
    var keyFile: String

    @Flag(help: "Print JSON on stdout.")
    var json = false

    func run() throws {
        try runReporting {
            let message = try text.text()
            let secret = try readSecretFile(keyFile, what: "key")
            let key: PrivateKey
            do {
                var keyBytes = try Hex.decode(String(decoding: secret.copyBytes(), as: UTF8.self), length: 32)
                defer { SecretBytes.wipe(&keyBytes) }
                key = try PrivateKey(bytes: keyBytes)
            } catch {
                throw CLIError.badData("\(keyFile) does not hold a private key: expected 64 hex characters of a valid secp256k1 key")
            }
            let signature = MessageSigning.sign(message, key: key)
            if json {
                try Console.json(["signature": signature.hex, "publicKey": key.xOnlyPublicKey.bytes.hex, "messageHash": MessageSigning.hash(message).hex])
            } else {
                Console.out(signature.hex)
            }
        }
    }
}

struct MessageVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Verify a message signature; exit 0 if valid, 65 if not.")

    @OptionGroup var text: MessageText

    @Option(name: .customLong("public-key"), help: "The signer's x-only public key (64 hex characters).")
    var publicKey: String

    @Option(help: "The 64-byte Schnorr signature (128 hex characters).")
    var signature: String

    @Flag(help: "Print JSON on stdout.")
    var json = false

    func run() throws {
        try runReporting {
            let message = try text.text()
            let key: XOnlyPublicKey
            do { key = try XOnlyPublicKey(hex: publicKey) } catch {
                throw CLIError.badData("--public-key is not an x-only public key: expected 64 hex characters of a valid secp256k1 x coordinate")
            }
            guard let sig = try? Hex.decode(signature, length: 64) else {
                throw CLIError.badData("--signature must be 128 hex characters (a 64-byte Schnorr signature)")
            }
            let valid = MessageSigning.verify(message, signature: sig, publicKey: key)
            if json { try Console.json(["valid": valid]) } else { Console.out(valid ? "valid" : "invalid") }
            if !valid { throw ExitCode(ExitStatus.badData.rawValue) }
        }
    }
}
