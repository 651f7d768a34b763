/// The calls the devnet does not serve (peers, mining, block data, metrics...). Each still gets its own response
/// kind with the request's id and kaspad's `RpcError::NotImplemented` text, so a client never waits in vain.
protocol DevnetErrorReply {
    init()
    var error: Protowire_RPCError { get set }
}

extension Protowire_SubmitBlockResponseMessage: DevnetErrorReply {}
extension Protowire_GetBlockTemplateResponseMessage: DevnetErrorReply {}
extension Protowire_NotifyBlockAddedResponseMessage: DevnetErrorReply {}
extension Protowire_GetPeerAddressesResponseMessage: DevnetErrorReply {}
extension Protowire_GetConnectedPeerInfoResponseMessage: DevnetErrorReply {}
extension Protowire_AddPeerResponseMessage: DevnetErrorReply {}
extension Protowire_GetBlockResponseMessage: DevnetErrorReply {}
extension Protowire_GetSubnetworkResponseMessage: DevnetErrorReply {}
extension Protowire_GetBlocksResponseMessage: DevnetErrorReply {}
extension Protowire_ResolveFinalityConflictResponseMessage: DevnetErrorReply {}
extension Protowire_NotifyFinalityConflictResponseMessage: DevnetErrorReply {}
extension Protowire_ShutdownResponseMessage: DevnetErrorReply {}
extension Protowire_GetHeadersResponseMessage: DevnetErrorReply {}
extension Protowire_BanResponseMessage: DevnetErrorReply {}
extension Protowire_UnbanResponseMessage: DevnetErrorReply {}
extension Protowire_NotifyPruningPointUtxoSetOverrideResponseMessage: DevnetErrorReply {}
extension Protowire_StopNotifyingPruningPointUtxoSetOverrideResponseMessage: DevnetErrorReply {}
extension Protowire_EstimateNetworkHashesPerSecondResponseMessage: DevnetErrorReply {}
extension Protowire_NotifyNewBlockTemplateResponseMessage: DevnetErrorReply {}
extension Protowire_GetMetricsResponseMessage: DevnetErrorReply {}
extension Protowire_GetDaaScoreTimestampEstimateResponseMessage: DevnetErrorReply {}
extension Protowire_SubmitTransactionReplacementResponseMessage: DevnetErrorReply {}
extension Protowire_GetConnectionsResponseMessage: DevnetErrorReply {}
extension Protowire_GetSystemInfoResponseMessage: DevnetErrorReply {}
extension Protowire_GetCurrentBlockColorResponseMessage: DevnetErrorReply {}
extension Protowire_GetUtxoReturnAddressResponseMessage: DevnetErrorReply {}
extension Protowire_GetVirtualChainFromBlockV2ResponseMessage: DevnetErrorReply {}
extension Protowire_GetBlockRewardInfoResponseMessage: DevnetErrorReply {}
extension Protowire_GetSeqCommitLaneProofResponseMessage: DevnetErrorReply {}

extension DevnetNode {
    func notImplemented(_ payload: Protowire_KaspadRequest.OneOf_Payload) -> Protowire_KaspadResponse.OneOf_Payload {
        func failed<M: DevnetErrorReply>() -> M {
            var m = M()
            m.error = rpcError("Not implemented")
            return m
        }
        switch payload {
        case .submitBlockRequest: return .submitBlockResponse(failed())
        case .getBlockTemplateRequest: return .getBlockTemplateResponse(failed())
        case .notifyBlockAddedRequest: return .notifyBlockAddedResponse(failed())
        case .getPeerAddressesRequest: return .getPeerAddressesResponse(failed())
        case .getConnectedPeerInfoRequest: return .getConnectedPeerInfoResponse(failed())
        case .addPeerRequest: return .addPeerResponse(failed())
        case .getBlockRequest: return .getBlockResponse(failed())
        case .getSubnetworkRequest: return .getSubnetworkResponse(failed())
        case .getBlocksRequest: return .getBlocksResponse(failed())
        case .resolveFinalityConflictRequest: return .resolveFinalityConflictResponse(failed())
        case .notifyFinalityConflictRequest: return .notifyFinalityConflictResponse(failed())
        case .shutdownRequest: return .shutdownResponse(failed())
        case .getHeadersRequest: return .getHeadersResponse(failed())
        case .banRequest: return .banResponse(failed())
        case .unbanRequest: return .unbanResponse(failed())
        case .notifyPruningPointUtxoSetOverrideRequest: return .notifyPruningPointUtxoSetOverrideResponse(failed())
        case .stopNotifyingPruningPointUtxoSetOverrideRequest: return .stopNotifyingPruningPointUtxoSetOverrideResponse(failed())
        case .estimateNetworkHashesPerSecondRequest: return .estimateNetworkHashesPerSecondResponse(failed())
        case .notifyNewBlockTemplateRequest: return .notifyNewBlockTemplateResponse(failed())
        case .getMetricsRequest: return .getMetricsResponse(failed())
        case .getDaaScoreTimestampEstimateRequest: return .getDaaScoreTimestampEstimateResponse(failed())
        case .submitTransactionReplacementRequest: return .submitTransactionReplacementResponse(failed())
        case .getConnectionsRequest: return .getConnectionsResponse(failed())
        case .getSystemInfoRequest: return .getSystemInfoResponse(failed())
        case .getCurrentBlockColorRequest: return .getCurrentBlockColorResponse(failed())
        case .getUtxoReturnAddressRequest: return .getUtxoReturnAddressResponse(failed())
        case .getVirtualChainFromBlockV2Request: return .getVirtualChainFromBlockV2Response(failed())
        case .getBlockRewardInfoRequest: return .getBlockRewardInfoResponse(failed())
        case .getSeqCommitLaneProofRequest: return .getSeqCommitLaneProofResponse(failed())
        default:
            // Every other request kind is answered in DevnetNode+RPC.swift.
            return .pingResponse(failed())
        }
    }
}

extension Protowire_PingResponseMessage: DevnetErrorReply {}
