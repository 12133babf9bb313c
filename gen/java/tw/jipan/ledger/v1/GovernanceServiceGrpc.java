package tw.jipan.ledger.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Governance of the consortium that runs the trust ledger: members (by real
 * name) and their nodes are admitted and removed by member vote, through the
 * ConsortiumRegistry contract. Every write is one chain transaction; its
 * effect is mirrored in the ledger's database, which answers the reads.
 * Who signs: the ledger service holds one chain account per member
 * organisation, and the caller's token `org` claim ("orgs/{org}") selects
 * it. Writes need the `ledger.govern` scope and the org role "ledger-admin"
 * in that organisation, so only an organisation's ledger administrators act
 * (propose, vote) for it, and the contract then decides what that
 * organisation's account may do: only members propose and vote, once per
 * proposal, and a proposal takes effect at the quorum. On the embedded chain
 * the accounts are the chain's funded test accounts, assigned to the
 * founding organisation first and to other organisations as they first act
 * or are proposed. On a JSON-RPC chain each organisation's key is an
 * encrypted keystore file ("{org}.json") in the ledger's configured member
 * keystore directory; an organisation without one gets FAILED_PRECONDITION
 * SIGNING_ACCOUNT_UNAVAILABLE. The founding organisation's account deploys
 * the registry once per chain; its address is recorded and reused.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/ledger/v1/governance_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class GovernanceServiceGrpc {

  private GovernanceServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.ledger.v1.GovernanceService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.ledger.v1.CreateProposalRequest,
      tw.jipan.ledger.v1.CreateProposalResponse> getCreateProposalMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateProposal",
      requestType = tw.jipan.ledger.v1.CreateProposalRequest.class,
      responseType = tw.jipan.ledger.v1.CreateProposalResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.ledger.v1.CreateProposalRequest,
      tw.jipan.ledger.v1.CreateProposalResponse> getCreateProposalMethod() {
    io.grpc.MethodDescriptor<tw.jipan.ledger.v1.CreateProposalRequest, tw.jipan.ledger.v1.CreateProposalResponse> getCreateProposalMethod;
    if ((getCreateProposalMethod = GovernanceServiceGrpc.getCreateProposalMethod) == null) {
      synchronized (GovernanceServiceGrpc.class) {
        if ((getCreateProposalMethod = GovernanceServiceGrpc.getCreateProposalMethod) == null) {
          GovernanceServiceGrpc.getCreateProposalMethod = getCreateProposalMethod =
              io.grpc.MethodDescriptor.<tw.jipan.ledger.v1.CreateProposalRequest, tw.jipan.ledger.v1.CreateProposalResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateProposal"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.ledger.v1.CreateProposalRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.ledger.v1.CreateProposalResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GovernanceServiceMethodDescriptorSupplier("CreateProposal"))
              .build();
        }
      }
    }
    return getCreateProposalMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.ledger.v1.VoteProposalRequest,
      tw.jipan.ledger.v1.VoteProposalResponse> getVoteProposalMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "VoteProposal",
      requestType = tw.jipan.ledger.v1.VoteProposalRequest.class,
      responseType = tw.jipan.ledger.v1.VoteProposalResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.ledger.v1.VoteProposalRequest,
      tw.jipan.ledger.v1.VoteProposalResponse> getVoteProposalMethod() {
    io.grpc.MethodDescriptor<tw.jipan.ledger.v1.VoteProposalRequest, tw.jipan.ledger.v1.VoteProposalResponse> getVoteProposalMethod;
    if ((getVoteProposalMethod = GovernanceServiceGrpc.getVoteProposalMethod) == null) {
      synchronized (GovernanceServiceGrpc.class) {
        if ((getVoteProposalMethod = GovernanceServiceGrpc.getVoteProposalMethod) == null) {
          GovernanceServiceGrpc.getVoteProposalMethod = getVoteProposalMethod =
              io.grpc.MethodDescriptor.<tw.jipan.ledger.v1.VoteProposalRequest, tw.jipan.ledger.v1.VoteProposalResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "VoteProposal"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.ledger.v1.VoteProposalRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.ledger.v1.VoteProposalResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GovernanceServiceMethodDescriptorSupplier("VoteProposal"))
              .build();
        }
      }
    }
    return getVoteProposalMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.ledger.v1.GetProposalRequest,
      tw.jipan.ledger.v1.GetProposalResponse> getGetProposalMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetProposal",
      requestType = tw.jipan.ledger.v1.GetProposalRequest.class,
      responseType = tw.jipan.ledger.v1.GetProposalResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.ledger.v1.GetProposalRequest,
      tw.jipan.ledger.v1.GetProposalResponse> getGetProposalMethod() {
    io.grpc.MethodDescriptor<tw.jipan.ledger.v1.GetProposalRequest, tw.jipan.ledger.v1.GetProposalResponse> getGetProposalMethod;
    if ((getGetProposalMethod = GovernanceServiceGrpc.getGetProposalMethod) == null) {
      synchronized (GovernanceServiceGrpc.class) {
        if ((getGetProposalMethod = GovernanceServiceGrpc.getGetProposalMethod) == null) {
          GovernanceServiceGrpc.getGetProposalMethod = getGetProposalMethod =
              io.grpc.MethodDescriptor.<tw.jipan.ledger.v1.GetProposalRequest, tw.jipan.ledger.v1.GetProposalResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetProposal"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.ledger.v1.GetProposalRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.ledger.v1.GetProposalResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GovernanceServiceMethodDescriptorSupplier("GetProposal"))
              .build();
        }
      }
    }
    return getGetProposalMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.ledger.v1.ListProposalsRequest,
      tw.jipan.ledger.v1.ListProposalsResponse> getListProposalsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListProposals",
      requestType = tw.jipan.ledger.v1.ListProposalsRequest.class,
      responseType = tw.jipan.ledger.v1.ListProposalsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.ledger.v1.ListProposalsRequest,
      tw.jipan.ledger.v1.ListProposalsResponse> getListProposalsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.ledger.v1.ListProposalsRequest, tw.jipan.ledger.v1.ListProposalsResponse> getListProposalsMethod;
    if ((getListProposalsMethod = GovernanceServiceGrpc.getListProposalsMethod) == null) {
      synchronized (GovernanceServiceGrpc.class) {
        if ((getListProposalsMethod = GovernanceServiceGrpc.getListProposalsMethod) == null) {
          GovernanceServiceGrpc.getListProposalsMethod = getListProposalsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.ledger.v1.ListProposalsRequest, tw.jipan.ledger.v1.ListProposalsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListProposals"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.ledger.v1.ListProposalsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.ledger.v1.ListProposalsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GovernanceServiceMethodDescriptorSupplier("ListProposals"))
              .build();
        }
      }
    }
    return getListProposalsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.ledger.v1.ListMembersRequest,
      tw.jipan.ledger.v1.ListMembersResponse> getListMembersMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListMembers",
      requestType = tw.jipan.ledger.v1.ListMembersRequest.class,
      responseType = tw.jipan.ledger.v1.ListMembersResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.ledger.v1.ListMembersRequest,
      tw.jipan.ledger.v1.ListMembersResponse> getListMembersMethod() {
    io.grpc.MethodDescriptor<tw.jipan.ledger.v1.ListMembersRequest, tw.jipan.ledger.v1.ListMembersResponse> getListMembersMethod;
    if ((getListMembersMethod = GovernanceServiceGrpc.getListMembersMethod) == null) {
      synchronized (GovernanceServiceGrpc.class) {
        if ((getListMembersMethod = GovernanceServiceGrpc.getListMembersMethod) == null) {
          GovernanceServiceGrpc.getListMembersMethod = getListMembersMethod =
              io.grpc.MethodDescriptor.<tw.jipan.ledger.v1.ListMembersRequest, tw.jipan.ledger.v1.ListMembersResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListMembers"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.ledger.v1.ListMembersRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.ledger.v1.ListMembersResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GovernanceServiceMethodDescriptorSupplier("ListMembers"))
              .build();
        }
      }
    }
    return getListMembersMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.ledger.v1.ListNodesRequest,
      tw.jipan.ledger.v1.ListNodesResponse> getListNodesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListNodes",
      requestType = tw.jipan.ledger.v1.ListNodesRequest.class,
      responseType = tw.jipan.ledger.v1.ListNodesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.ledger.v1.ListNodesRequest,
      tw.jipan.ledger.v1.ListNodesResponse> getListNodesMethod() {
    io.grpc.MethodDescriptor<tw.jipan.ledger.v1.ListNodesRequest, tw.jipan.ledger.v1.ListNodesResponse> getListNodesMethod;
    if ((getListNodesMethod = GovernanceServiceGrpc.getListNodesMethod) == null) {
      synchronized (GovernanceServiceGrpc.class) {
        if ((getListNodesMethod = GovernanceServiceGrpc.getListNodesMethod) == null) {
          GovernanceServiceGrpc.getListNodesMethod = getListNodesMethod =
              io.grpc.MethodDescriptor.<tw.jipan.ledger.v1.ListNodesRequest, tw.jipan.ledger.v1.ListNodesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListNodes"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.ledger.v1.ListNodesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.ledger.v1.ListNodesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GovernanceServiceMethodDescriptorSupplier("ListNodes"))
              .build();
        }
      }
    }
    return getListNodesMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static GovernanceServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<GovernanceServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<GovernanceServiceStub>() {
        @java.lang.Override
        public GovernanceServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new GovernanceServiceStub(channel, callOptions);
        }
      };
    return GovernanceServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static GovernanceServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<GovernanceServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<GovernanceServiceBlockingStub>() {
        @java.lang.Override
        public GovernanceServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new GovernanceServiceBlockingStub(channel, callOptions);
        }
      };
    return GovernanceServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static GovernanceServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<GovernanceServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<GovernanceServiceFutureStub>() {
        @java.lang.Override
        public GovernanceServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new GovernanceServiceFutureStub(channel, callOptions);
        }
      };
    return GovernanceServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Governance of the consortium that runs the trust ledger: members (by real
   * name) and their nodes are admitted and removed by member vote, through the
   * ConsortiumRegistry contract. Every write is one chain transaction; its
   * effect is mirrored in the ledger's database, which answers the reads.
   * Who signs: the ledger service holds one chain account per member
   * organisation, and the caller's token `org` claim ("orgs/{org}") selects
   * it. Writes need the `ledger.govern` scope and the org role "ledger-admin"
   * in that organisation, so only an organisation's ledger administrators act
   * (propose, vote) for it, and the contract then decides what that
   * organisation's account may do: only members propose and vote, once per
   * proposal, and a proposal takes effect at the quorum. On the embedded chain
   * the accounts are the chain's funded test accounts, assigned to the
   * founding organisation first and to other organisations as they first act
   * or are proposed. On a JSON-RPC chain each organisation's key is an
   * encrypted keystore file ("{org}.json") in the ledger's configured member
   * keystore directory; an organisation without one gets FAILED_PRECONDITION
   * SIGNING_ACCOUNT_UNAVAILABLE. The founding organisation's account deploys
   * the registry once per chain; its address is recorded and reused.
   * </pre>
   */
  public static abstract class GovernanceServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Proposes a change (admit or remove a member, add or remove a node) with
     * the caller's organisation's vote. A change a lone member proposes, or
     * one that reaches the quorum with this vote, takes effect at once.
     * </pre>
     */
    public void createProposal(tw.jipan.ledger.v1.CreateProposalRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.ledger.v1.CreateProposalResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateProposalMethod(), responseObserver);
    }

    /**
     * <pre>
     * Votes for a proposal as the caller's organisation; the change takes
     * effect when the votes reach the quorum.
     * </pre>
     */
    public void voteProposal(tw.jipan.ledger.v1.VoteProposalRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.ledger.v1.VoteProposalResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getVoteProposalMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one proposal by name.
     * </pre>
     */
    public void getProposal(tw.jipan.ledger.v1.GetProposalRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.ledger.v1.GetProposalResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetProposalMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists proposals, newest first.
     * </pre>
     */
    public void listProposals(tw.jipan.ledger.v1.ListProposalsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.ledger.v1.ListProposalsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListProposalsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists members in order of admission.
     * </pre>
     */
    public void listMembers(tw.jipan.ledger.v1.ListMembersRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.ledger.v1.ListMembersResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListMembersMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists nodes with their roles, in order of addition.
     * </pre>
     */
    public void listNodes(tw.jipan.ledger.v1.ListNodesRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.ledger.v1.ListNodesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListNodesMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getCreateProposalMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.ledger.v1.CreateProposalRequest,
                tw.jipan.ledger.v1.CreateProposalResponse>(
                  this, METHODID_CREATE_PROPOSAL)))
          .addMethod(
            getVoteProposalMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.ledger.v1.VoteProposalRequest,
                tw.jipan.ledger.v1.VoteProposalResponse>(
                  this, METHODID_VOTE_PROPOSAL)))
          .addMethod(
            getGetProposalMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.ledger.v1.GetProposalRequest,
                tw.jipan.ledger.v1.GetProposalResponse>(
                  this, METHODID_GET_PROPOSAL)))
          .addMethod(
            getListProposalsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.ledger.v1.ListProposalsRequest,
                tw.jipan.ledger.v1.ListProposalsResponse>(
                  this, METHODID_LIST_PROPOSALS)))
          .addMethod(
            getListMembersMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.ledger.v1.ListMembersRequest,
                tw.jipan.ledger.v1.ListMembersResponse>(
                  this, METHODID_LIST_MEMBERS)))
          .addMethod(
            getListNodesMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.ledger.v1.ListNodesRequest,
                tw.jipan.ledger.v1.ListNodesResponse>(
                  this, METHODID_LIST_NODES)))
          .build();
    }
  }

  /**
   * <pre>
   * Governance of the consortium that runs the trust ledger: members (by real
   * name) and their nodes are admitted and removed by member vote, through the
   * ConsortiumRegistry contract. Every write is one chain transaction; its
   * effect is mirrored in the ledger's database, which answers the reads.
   * Who signs: the ledger service holds one chain account per member
   * organisation, and the caller's token `org` claim ("orgs/{org}") selects
   * it. Writes need the `ledger.govern` scope and the org role "ledger-admin"
   * in that organisation, so only an organisation's ledger administrators act
   * (propose, vote) for it, and the contract then decides what that
   * organisation's account may do: only members propose and vote, once per
   * proposal, and a proposal takes effect at the quorum. On the embedded chain
   * the accounts are the chain's funded test accounts, assigned to the
   * founding organisation first and to other organisations as they first act
   * or are proposed. On a JSON-RPC chain each organisation's key is an
   * encrypted keystore file ("{org}.json") in the ledger's configured member
   * keystore directory; an organisation without one gets FAILED_PRECONDITION
   * SIGNING_ACCOUNT_UNAVAILABLE. The founding organisation's account deploys
   * the registry once per chain; its address is recorded and reused.
   * </pre>
   */
  public static final class GovernanceServiceStub extends io.grpc.stub.AbstractAsyncStub<GovernanceServiceStub> {
    private GovernanceServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected GovernanceServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new GovernanceServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Proposes a change (admit or remove a member, add or remove a node) with
     * the caller's organisation's vote. A change a lone member proposes, or
     * one that reaches the quorum with this vote, takes effect at once.
     * </pre>
     */
    public void createProposal(tw.jipan.ledger.v1.CreateProposalRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.ledger.v1.CreateProposalResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateProposalMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Votes for a proposal as the caller's organisation; the change takes
     * effect when the votes reach the quorum.
     * </pre>
     */
    public void voteProposal(tw.jipan.ledger.v1.VoteProposalRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.ledger.v1.VoteProposalResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getVoteProposalMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one proposal by name.
     * </pre>
     */
    public void getProposal(tw.jipan.ledger.v1.GetProposalRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.ledger.v1.GetProposalResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetProposalMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists proposals, newest first.
     * </pre>
     */
    public void listProposals(tw.jipan.ledger.v1.ListProposalsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.ledger.v1.ListProposalsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListProposalsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists members in order of admission.
     * </pre>
     */
    public void listMembers(tw.jipan.ledger.v1.ListMembersRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.ledger.v1.ListMembersResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListMembersMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists nodes with their roles, in order of addition.
     * </pre>
     */
    public void listNodes(tw.jipan.ledger.v1.ListNodesRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.ledger.v1.ListNodesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListNodesMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * Governance of the consortium that runs the trust ledger: members (by real
   * name) and their nodes are admitted and removed by member vote, through the
   * ConsortiumRegistry contract. Every write is one chain transaction; its
   * effect is mirrored in the ledger's database, which answers the reads.
   * Who signs: the ledger service holds one chain account per member
   * organisation, and the caller's token `org` claim ("orgs/{org}") selects
   * it. Writes need the `ledger.govern` scope and the org role "ledger-admin"
   * in that organisation, so only an organisation's ledger administrators act
   * (propose, vote) for it, and the contract then decides what that
   * organisation's account may do: only members propose and vote, once per
   * proposal, and a proposal takes effect at the quorum. On the embedded chain
   * the accounts are the chain's funded test accounts, assigned to the
   * founding organisation first and to other organisations as they first act
   * or are proposed. On a JSON-RPC chain each organisation's key is an
   * encrypted keystore file ("{org}.json") in the ledger's configured member
   * keystore directory; an organisation without one gets FAILED_PRECONDITION
   * SIGNING_ACCOUNT_UNAVAILABLE. The founding organisation's account deploys
   * the registry once per chain; its address is recorded and reused.
   * </pre>
   */
  public static final class GovernanceServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<GovernanceServiceBlockingStub> {
    private GovernanceServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected GovernanceServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new GovernanceServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Proposes a change (admit or remove a member, add or remove a node) with
     * the caller's organisation's vote. A change a lone member proposes, or
     * one that reaches the quorum with this vote, takes effect at once.
     * </pre>
     */
    public tw.jipan.ledger.v1.CreateProposalResponse createProposal(tw.jipan.ledger.v1.CreateProposalRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateProposalMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Votes for a proposal as the caller's organisation; the change takes
     * effect when the votes reach the quorum.
     * </pre>
     */
    public tw.jipan.ledger.v1.VoteProposalResponse voteProposal(tw.jipan.ledger.v1.VoteProposalRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getVoteProposalMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one proposal by name.
     * </pre>
     */
    public tw.jipan.ledger.v1.GetProposalResponse getProposal(tw.jipan.ledger.v1.GetProposalRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetProposalMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists proposals, newest first.
     * </pre>
     */
    public tw.jipan.ledger.v1.ListProposalsResponse listProposals(tw.jipan.ledger.v1.ListProposalsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListProposalsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists members in order of admission.
     * </pre>
     */
    public tw.jipan.ledger.v1.ListMembersResponse listMembers(tw.jipan.ledger.v1.ListMembersRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListMembersMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists nodes with their roles, in order of addition.
     * </pre>
     */
    public tw.jipan.ledger.v1.ListNodesResponse listNodes(tw.jipan.ledger.v1.ListNodesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListNodesMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * Governance of the consortium that runs the trust ledger: members (by real
   * name) and their nodes are admitted and removed by member vote, through the
   * ConsortiumRegistry contract. Every write is one chain transaction; its
   * effect is mirrored in the ledger's database, which answers the reads.
   * Who signs: the ledger service holds one chain account per member
   * organisation, and the caller's token `org` claim ("orgs/{org}") selects
   * it. Writes need the `ledger.govern` scope and the org role "ledger-admin"
   * in that organisation, so only an organisation's ledger administrators act
   * (propose, vote) for it, and the contract then decides what that
   * organisation's account may do: only members propose and vote, once per
   * proposal, and a proposal takes effect at the quorum. On the embedded chain
   * the accounts are the chain's funded test accounts, assigned to the
   * founding organisation first and to other organisations as they first act
   * or are proposed. On a JSON-RPC chain each organisation's key is an
   * encrypted keystore file ("{org}.json") in the ledger's configured member
   * keystore directory; an organisation without one gets FAILED_PRECONDITION
   * SIGNING_ACCOUNT_UNAVAILABLE. The founding organisation's account deploys
   * the registry once per chain; its address is recorded and reused.
   * </pre>
   */
  public static final class GovernanceServiceFutureStub extends io.grpc.stub.AbstractFutureStub<GovernanceServiceFutureStub> {
    private GovernanceServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected GovernanceServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new GovernanceServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Proposes a change (admit or remove a member, add or remove a node) with
     * the caller's organisation's vote. A change a lone member proposes, or
     * one that reaches the quorum with this vote, takes effect at once.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.ledger.v1.CreateProposalResponse> createProposal(
        tw.jipan.ledger.v1.CreateProposalRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateProposalMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Votes for a proposal as the caller's organisation; the change takes
     * effect when the votes reach the quorum.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.ledger.v1.VoteProposalResponse> voteProposal(
        tw.jipan.ledger.v1.VoteProposalRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getVoteProposalMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one proposal by name.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.ledger.v1.GetProposalResponse> getProposal(
        tw.jipan.ledger.v1.GetProposalRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetProposalMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists proposals, newest first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.ledger.v1.ListProposalsResponse> listProposals(
        tw.jipan.ledger.v1.ListProposalsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListProposalsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists members in order of admission.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.ledger.v1.ListMembersResponse> listMembers(
        tw.jipan.ledger.v1.ListMembersRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListMembersMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists nodes with their roles, in order of addition.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.ledger.v1.ListNodesResponse> listNodes(
        tw.jipan.ledger.v1.ListNodesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListNodesMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_PROPOSAL = 0;
  private static final int METHODID_VOTE_PROPOSAL = 1;
  private static final int METHODID_GET_PROPOSAL = 2;
  private static final int METHODID_LIST_PROPOSALS = 3;
  private static final int METHODID_LIST_MEMBERS = 4;
  private static final int METHODID_LIST_NODES = 5;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final GovernanceServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(GovernanceServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_CREATE_PROPOSAL:
          serviceImpl.createProposal((tw.jipan.ledger.v1.CreateProposalRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.ledger.v1.CreateProposalResponse>) responseObserver);
          break;
        case METHODID_VOTE_PROPOSAL:
          serviceImpl.voteProposal((tw.jipan.ledger.v1.VoteProposalRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.ledger.v1.VoteProposalResponse>) responseObserver);
          break;
        case METHODID_GET_PROPOSAL:
          serviceImpl.getProposal((tw.jipan.ledger.v1.GetProposalRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.ledger.v1.GetProposalResponse>) responseObserver);
          break;
        case METHODID_LIST_PROPOSALS:
          serviceImpl.listProposals((tw.jipan.ledger.v1.ListProposalsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.ledger.v1.ListProposalsResponse>) responseObserver);
          break;
        case METHODID_LIST_MEMBERS:
          serviceImpl.listMembers((tw.jipan.ledger.v1.ListMembersRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.ledger.v1.ListMembersResponse>) responseObserver);
          break;
        case METHODID_LIST_NODES:
          serviceImpl.listNodes((tw.jipan.ledger.v1.ListNodesRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.ledger.v1.ListNodesResponse>) responseObserver);
          break;
        default:
          throw new AssertionError();
      }
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public io.grpc.stub.StreamObserver<Req> invoke(
        io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        default:
          throw new AssertionError();
      }
    }
  }

  private static abstract class GovernanceServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    GovernanceServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.ledger.v1.GovernanceServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("GovernanceService");
    }
  }

  private static final class GovernanceServiceFileDescriptorSupplier
      extends GovernanceServiceBaseDescriptorSupplier {
    GovernanceServiceFileDescriptorSupplier() {}
  }

  private static final class GovernanceServiceMethodDescriptorSupplier
      extends GovernanceServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    GovernanceServiceMethodDescriptorSupplier(String methodName) {
      this.methodName = methodName;
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.MethodDescriptor getMethodDescriptor() {
      return getServiceDescriptor().findMethodByName(methodName);
    }
  }

  private static volatile io.grpc.ServiceDescriptor serviceDescriptor;

  public static io.grpc.ServiceDescriptor getServiceDescriptor() {
    io.grpc.ServiceDescriptor result = serviceDescriptor;
    if (result == null) {
      synchronized (GovernanceServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new GovernanceServiceFileDescriptorSupplier())
              .addMethod(getCreateProposalMethod())
              .addMethod(getVoteProposalMethod())
              .addMethod(getGetProposalMethod())
              .addMethod(getListProposalsMethod())
              .addMethod(getListMembersMethod())
              .addMethod(getListNodesMethod())
              .build();
        }
      }
    }
    return result;
  }
}
