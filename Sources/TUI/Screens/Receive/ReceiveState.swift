/// The Receive screen: whose address, the address and its QR code.
public struct ReceiveState: Equatable, Sendable {
    public var target: ReceiveTarget = .wallet
    public var address: ReceiveAddress?
    public var qr: QRMatrix?
    public var loading = false
    public var returnTo: ScreenID = .dashboard
    public init() {}
}
