/// A streaming hash that ends in a 32-byte digest.
public protocol DomainHasher: HashWriter {
    mutating func finalize() -> Hash32
}
extension Blake2b: DomainHasher {}
extension Blake3: DomainHasher {}
extension Sha256: DomainHasher {}

/// Kaspa's domain-separated hashers, with the exact domain strings of rusty-kaspa
/// `crypto/hashes/src/hashers.rs`. BLAKE2b ones use the domain as the key; the ECDSA signing hash
/// prefixes SHA256(domain); BLAKE3 ones use the domain zero-padded to 32 bytes as the key.
public enum KaspaHasher: String, CaseIterable, Sendable {
    // BLAKE2b-256, keyed
    case transactionHash = "TransactionHash"
    case transactionID = "TransactionID"
    case transactionSigningHash = "TransactionSigningHash"
    case blockHash = "BlockHash"
    case proofOfWorkHash = "ProofOfWorkHash"
    case merkleBranchHash = "MerkleBranchHash"
    case muHashElement = "MuHashElement"
    case muHashFinalize = "MuHashFinalize"
    case personalMessageSigningHash = "PersonalMessageSigningHash"
    case covenantID = "CovenantID"
    // SHA-256, prefixed
    case transactionSigningHashECDSA = "TransactionSigningHashECDSA"
    // BLAKE3, keyed
    case seqCommitMerkleBranch = "SeqCommitmentMerkleBranchHash"
    case payloadDigest = "PayloadDigest"
    case transactionRest = "TransactionRest"
    case transactionV1Id = "TransactionV1Id"
    case seqCommitLaneKey = "SeqCommitLaneKey"
    case seqCommitLaneTip = "SeqCommitLaneTip"
    case seqCommitActivityLeaf = "SeqCommitActivityLeaf"
    case seqCommitMergesetContext = "SeqCommitMergesetContext"
    case seqCommitMinerPayloadLeaf = "SeqCommitMinerPayloadLeaf"
    case seqCommitActivityRoot = "SeqCommitActivityRoot"
    case seqCommitActiveLeaf = "SeqCommitActiveLeaf"
    case seqCommitActiveNode = "SeqCommitActiveNode"
    case seqCommitActiveCollapsedNode = "SeqCommitActiveCollapsedNode"

    public enum Construction: Sendable { case blake2bKeyed, sha256Prefixed, blake3Keyed }

    public var domain: String { rawValue }

    public var construction: Construction {
        switch self {
        case .transactionSigningHashECDSA: return .sha256Prefixed
        case .seqCommitMerkleBranch, .payloadDigest, .transactionRest, .transactionV1Id, .seqCommitLaneKey,
             .seqCommitLaneTip, .seqCommitActivityLeaf, .seqCommitMergesetContext, .seqCommitMinerPayloadLeaf,
             .seqCommitActivityRoot, .seqCommitActiveLeaf, .seqCommitActiveNode, .seqCommitActiveCollapsedNode:
            return .blake3Keyed
        default: return .blake2bKeyed
        }
    }

    /// A fresh hasher for this domain.
    public func hasher() -> any DomainHasher {
        switch construction {
        case .blake2bKeyed: return Blake2b(domain: domain)
        case .sha256Prefixed: return Sha256(domain: domain)
        case .blake3Keyed: return Blake3(domain: domain)
        }
    }

    public func hash(_ data: [UInt8]) -> Hash32 {
        var h = hasher()
        h.write(data)
        return h.finalize()
    }
}
