// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @title ConsortiumRegistry: who runs the trust ledger, decided by its members.
/// @notice Members are organisations with a real-name record (legal name and
/// registration number, e.g. a Taiwan unified business number). Members
/// operate nodes, each a validator or an observer. Admitting or removing a
/// member or a node is a proposal that members vote on; it takes effect when
/// the votes reach the quorum (a percentage of the members counted when the
/// proposal was made). Only members propose and vote, once per proposal.
contract ConsortiumRegistry {
    /// What a node does in the network (a QBFT validator seals blocks).
    enum Role {
        None,
        Validator,
        Observer
    }

    /// What a proposal changes.
    enum Kind {
        AdmitMember,
        RemoveMember,
        AddNode,
        RemoveNode
    }

    /// A member's real-name record.
    struct Member {
        bool active;
        string legalName;
        string registrationId;
        uint64 admittedAt;
        uint32 activeNodes;
    }

    /// A node: its account (the QBFT validator address), operator and role.
    struct Node {
        bool active;
        address operator;
        Role role;
        uint64 addedAt;
    }

    /// A change put to the vote.
    struct Proposal {
        Kind kind;
        address account;
        address operator;
        Role role;
        string legalName;
        string registrationId;
        address proposer;
        uint32 votes;
        uint32 required;
        bool executed;
    }

    /// Percentage of members (at proposal time) whose votes carry a proposal.
    uint8 public immutable quorumPercent;
    /// Number of active members.
    uint32 public memberCount;

    mapping(address => Member) private _members;
    mapping(address => Node) private _nodes;
    address[] private _memberAccounts;
    address[] private _nodeAccounts;
    Proposal[] private _proposals;
    mapping(uint256 => mapping(address => bool)) private _voted;

    /// A proposal was made (the proposer's vote is counted with it).
    event Proposed(uint256 indexed id, Kind kind, address indexed account, address indexed proposer);
    /// A member voted for a proposal.
    event Voted(uint256 indexed id, address indexed voter, uint32 votes, uint32 required);
    /// A member was admitted.
    event MemberAdmitted(address indexed account, string legalName, string registrationId);
    /// A member was removed.
    event MemberRemoved(address indexed account);
    /// A node was added.
    event NodeAdded(address indexed account, address indexed operator, Role role);
    /// A node was removed.
    event NodeRemoved(address indexed account);

    /// Only members propose and vote.
    error NotMember(address account);
    /// A member votes once per proposal.
    error AlreadyVoted(uint256 id, address voter);
    /// The proposal does not exist.
    error UnknownProposal(uint256 id);
    /// The proposal was already carried out.
    error ProposalExecuted(uint256 id);
    /// The proposal cannot be carried out as it stands (see the reason).
    error InvalidProposal(string reason);

    /// The founding member is the deployer; `quorumPercent_` is 1..100.
    constructor(string memory legalName, string memory registrationId, uint8 quorumPercent_) {
        if (quorumPercent_ == 0 || quorumPercent_ > 100) revert InvalidProposal("quorum is 1..100 percent");
        if (bytes(legalName).length == 0) revert InvalidProposal("a member needs a legal name");
        quorumPercent = quorumPercent_;
        _admit(msg.sender, legalName, registrationId);
    }

    modifier onlyMember() {
        if (!_members[msg.sender].active) revert NotMember(msg.sender);
        _;
    }

    /// Proposes a change; returns its id. The proposer's vote counts at once.
    function propose(
        Kind kind,
        address account,
        address operator,
        Role role,
        string calldata legalName,
        string calldata registrationId
    ) external onlyMember returns (uint256 id) {
        _check(kind, account, operator, role, legalName);
        uint32 required = uint32((uint256(memberCount) * quorumPercent + 99) / 100);
        if (required == 0) required = 1;
        id = _proposals.length;
        _proposals.push(
            Proposal(kind, account, operator, role, legalName, registrationId, msg.sender, 0, required, false)
        );
        emit Proposed(id, kind, account, msg.sender);
        _vote(id);
    }

    /// Votes for proposal `id`; carries it out when the quorum is reached.
    function vote(uint256 id) external onlyMember {
        if (id >= _proposals.length) revert UnknownProposal(id);
        _vote(id);
    }

    function _vote(uint256 id) private {
        Proposal storage p = _proposals[id];
        if (p.executed) revert ProposalExecuted(id);
        if (_voted[id][msg.sender]) revert AlreadyVoted(id, msg.sender);
        _voted[id][msg.sender] = true;
        p.votes += 1;
        emit Voted(id, msg.sender, p.votes, p.required);
        if (p.votes >= p.required) {
            _check(p.kind, p.account, p.operator, p.role, p.legalName);
            p.executed = true;
            _execute(p);
        }
    }

    function _check(Kind kind, address account, address operator, Role role, string memory legalName)
        private
        view
    {
        if (account == address(0)) revert InvalidProposal("no account");
        if (kind == Kind.AdmitMember) {
            if (_members[account].active) revert InvalidProposal("already a member");
            if (bytes(legalName).length == 0) revert InvalidProposal("a member needs a legal name");
        } else if (kind == Kind.RemoveMember) {
            if (!_members[account].active) revert InvalidProposal("not a member");
            if (memberCount == 1) revert InvalidProposal("the last member cannot be removed");
            if (_members[account].activeNodes != 0) revert InvalidProposal("remove the member's nodes first");
        } else if (kind == Kind.AddNode) {
            if (_nodes[account].active) revert InvalidProposal("node already added");
            if (!_members[operator].active) revert InvalidProposal("the operator is not a member");
            if (role == Role.None) revert InvalidProposal("a node is a validator or an observer");
        } else {
            if (!_nodes[account].active) revert InvalidProposal("no such node");
        }
    }

    function _execute(Proposal storage p) private {
        if (p.kind == Kind.AdmitMember) {
            _admit(p.account, p.legalName, p.registrationId);
        } else if (p.kind == Kind.RemoveMember) {
            _members[p.account].active = false;
            memberCount -= 1;
            emit MemberRemoved(p.account);
        } else if (p.kind == Kind.AddNode) {
            Node storage node = _nodes[p.account];
            if (node.addedAt == 0) _nodeAccounts.push(p.account);
            node.active = true;
            node.operator = p.operator;
            node.role = p.role;
            node.addedAt = uint64(block.timestamp);
            _members[p.operator].activeNodes += 1;
            emit NodeAdded(p.account, p.operator, p.role);
        } else {
            Node storage node = _nodes[p.account];
            node.active = false;
            _members[node.operator].activeNodes -= 1;
            emit NodeRemoved(p.account);
        }
    }

    function _admit(address account, string memory legalName, string memory registrationId) private {
        Member storage m = _members[account];
        if (m.admittedAt == 0) _memberAccounts.push(account);
        m.active = true;
        m.legalName = legalName;
        m.registrationId = registrationId;
        m.admittedAt = uint64(block.timestamp);
        memberCount += 1;
        emit MemberAdmitted(account, legalName, registrationId);
    }

    /// Whether `account` is an active member.
    function isMember(address account) external view returns (bool) {
        return _members[account].active;
    }

    /// A member's record (active false when never admitted or removed).
    function memberOf(address account) external view returns (Member memory) {
        return _members[account];
    }

    /// A node's record.
    function nodeOf(address account) external view returns (Node memory) {
        return _nodes[account];
    }

    /// Every account ever admitted, in order (check `memberOf(...).active`).
    function memberAccounts() external view returns (address[] memory) {
        return _memberAccounts;
    }

    /// Every node ever added, in order (check `nodeOf(...).active`).
    function nodeAccounts() external view returns (address[] memory) {
        return _nodeAccounts;
    }

    /// Number of proposals made.
    function proposalCount() external view returns (uint256) {
        return _proposals.length;
    }

    /// Proposal `id`.
    function proposal(uint256 id) external view returns (Proposal memory) {
        if (id >= _proposals.length) revert UnknownProposal(id);
        return _proposals[id];
    }

    /// Whether `voter` voted for proposal `id`.
    function hasVoted(uint256 id, address voter) external view returns (bool) {
        return _voted[id][voter];
    }
}
