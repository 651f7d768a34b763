import Dispatch
import Foundation
import Synchronization

/// Runs async work from a synchronous command (the root command is synchronous): the calling thread waits
/// while the work runs on the concurrency pool.
func blocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    let result = Mutex<Result<T, any Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task {
        let r: Result<T, any Error>
        do { r = .success(try await body()) } catch { r = .failure(error) }
        result.withLock { $0 = r }
        done.signal()
    }
    done.wait()
    return try result.withLock { $0! }.get()
}

/// Waits until SIGINT or SIGTERM arrives; returns the signal's name.
func waitForTerminationSignal() async -> String {
    let (names, sink) = AsyncStream<String>.makeStream()
    var sources: [any DispatchSourceSignal] = []
    for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
        source.setEventHandler { sink.yield(name) }
        source.resume()
        sources.append(source)
    }
    var iterator = names.makeAsyncIterator()
    let name = await iterator.next() ?? "SIGTERM"
    for source in sources { source.cancel() }
    return name
}
