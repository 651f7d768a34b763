import Foundation

/// Where themes are found: `$KASFLEET_THEMES`, `$XDG_CONFIG_HOME/kasfleet/themes` (user themes), the `themes/`
/// folder of the source tree or beside the installed binary, and `/usr/share/kasfleet/themes`. The built-in dark
/// theme is always available.
public struct ThemeLibrary: Sendable {
    public let directories: [URL]

    public init(directories: [URL]) { self.directories = directories }

    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment, executable: URL? = Bundle.main.executableURL) -> ThemeLibrary {
        var dirs: [URL] = []
        if let d = environment["KASFLEET_THEMES"], !d.isEmpty { dirs.append(URL(fileURLWithPath: d)) }
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (environment["HOME"].map { $0 + "/.config" } ?? "")
        if !config.isEmpty { dirs.append(URL(fileURLWithPath: config).appendingPathComponent("kasfleet/themes")) }
        if let exe = executable?.resolvingSymlinksInPath() {
            // .build/<config>/kasfleet -> <repo>/themes; <prefix>/bin/kasfleet -> <prefix>/share/kasfleet/themes
            var dir = exe.deletingLastPathComponent()
            for _ in 0..<4 {
                dirs.append(dir.appendingPathComponent("themes"))
                dir = dir.deletingLastPathComponent()
            }
            dirs.append(exe.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("share/kasfleet/themes"))
        }
        dirs.append(URL(fileURLWithPath: "/usr/share/kasfleet/themes"))
        return ThemeLibrary(directories: dirs)
    }

    /// Names of every theme found, sorted, the built-in `dark` included.
    public func names() -> [String] {
        var names: Set<String> = ["dark"]
        for dir in directories {
            guard let files = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { continue }
            for f in files where f.hasSuffix(".theme") { names.insert(String(f.dropLast(6))) }
        }
        return names.sorted()
    }

    public enum LoadError: Error, LocalizedError, Equatable {
        case notFound(String, available: [String])
        case invalid(Theme.ParseError)

        public var errorDescription: String? {
            switch self {
            case .notFound(let name, let available): return "no theme named '\(name)'; available: \(available.joined(separator: ", "))"
            case .invalid(let e): return e.errorDescription
            }
        }
    }

    /// The first theme file with this name; `dark` falls back to the built-in copy.
    public func load(_ name: String) throws(LoadError) -> Theme {
        for dir in directories {
            let url = dir.appendingPathComponent(name + ".theme")
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            do { return try Theme.parse(String(decoding: data, as: UTF8.self), name: name) } catch { throw .invalid(error) }
        }
        if name == "dark" { return .dark }
        throw .notFound(name, available: names())
    }
}
