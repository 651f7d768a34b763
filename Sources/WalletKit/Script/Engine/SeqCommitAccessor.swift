/// What OP_CHAINBLOCKSEQCOMMIT (KIP-21) asks of the node that runs the engine
/// (rusty-kaspa `crypto/txscript/src/seq_commit_accessor.rs`). A wallet checking what it signs usually has none;
/// without one, the opcode fails as an invalid opcode, as it does in rusty-kaspa.
public protocol SeqCommitAccessor: Sendable {
    /// Whether `blockHash` is a chain ancestor from the validating block's point of view; nil if it is pruned.
    func isChainAncestorFromPOV(_ blockHash: Hash32) -> Bool?
    /// The block's sequencing commitment, or nil if it is deeper than the opcode may reach.
    func seqCommitmentWithinDepth(_ blockHash: Hash32) -> Hash32?
}
