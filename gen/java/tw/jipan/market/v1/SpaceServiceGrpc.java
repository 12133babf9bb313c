package tw.jipan.market.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Co-Lab spaces: agencies and vendors co-develop with members from several
 * organisations in roles, an activity feed, documents in the object store and
 * decisions anchored on the ledger. Only members see a space.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/market/v1/space_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class SpaceServiceGrpc {

  private SpaceServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.market.v1.SpaceService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateSpaceRequest,
      tw.jipan.market.v1.CreateSpaceResponse> getCreateSpaceMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateSpace",
      requestType = tw.jipan.market.v1.CreateSpaceRequest.class,
      responseType = tw.jipan.market.v1.CreateSpaceResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateSpaceRequest,
      tw.jipan.market.v1.CreateSpaceResponse> getCreateSpaceMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateSpaceRequest, tw.jipan.market.v1.CreateSpaceResponse> getCreateSpaceMethod;
    if ((getCreateSpaceMethod = SpaceServiceGrpc.getCreateSpaceMethod) == null) {
      synchronized (SpaceServiceGrpc.class) {
        if ((getCreateSpaceMethod = SpaceServiceGrpc.getCreateSpaceMethod) == null) {
          SpaceServiceGrpc.getCreateSpaceMethod = getCreateSpaceMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.CreateSpaceRequest, tw.jipan.market.v1.CreateSpaceResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateSpace"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.CreateSpaceRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.CreateSpaceResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SpaceServiceMethodDescriptorSupplier("CreateSpace"))
              .build();
        }
      }
    }
    return getCreateSpaceMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.GetSpaceRequest,
      tw.jipan.market.v1.GetSpaceResponse> getGetSpaceMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetSpace",
      requestType = tw.jipan.market.v1.GetSpaceRequest.class,
      responseType = tw.jipan.market.v1.GetSpaceResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.GetSpaceRequest,
      tw.jipan.market.v1.GetSpaceResponse> getGetSpaceMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.GetSpaceRequest, tw.jipan.market.v1.GetSpaceResponse> getGetSpaceMethod;
    if ((getGetSpaceMethod = SpaceServiceGrpc.getGetSpaceMethod) == null) {
      synchronized (SpaceServiceGrpc.class) {
        if ((getGetSpaceMethod = SpaceServiceGrpc.getGetSpaceMethod) == null) {
          SpaceServiceGrpc.getGetSpaceMethod = getGetSpaceMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.GetSpaceRequest, tw.jipan.market.v1.GetSpaceResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetSpace"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.GetSpaceRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.GetSpaceResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SpaceServiceMethodDescriptorSupplier("GetSpace"))
              .build();
        }
      }
    }
    return getGetSpaceMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.ListSpacesRequest,
      tw.jipan.market.v1.ListSpacesResponse> getListSpacesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListSpaces",
      requestType = tw.jipan.market.v1.ListSpacesRequest.class,
      responseType = tw.jipan.market.v1.ListSpacesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.ListSpacesRequest,
      tw.jipan.market.v1.ListSpacesResponse> getListSpacesMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.ListSpacesRequest, tw.jipan.market.v1.ListSpacesResponse> getListSpacesMethod;
    if ((getListSpacesMethod = SpaceServiceGrpc.getListSpacesMethod) == null) {
      synchronized (SpaceServiceGrpc.class) {
        if ((getListSpacesMethod = SpaceServiceGrpc.getListSpacesMethod) == null) {
          SpaceServiceGrpc.getListSpacesMethod = getListSpacesMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.ListSpacesRequest, tw.jipan.market.v1.ListSpacesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListSpaces"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListSpacesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListSpacesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SpaceServiceMethodDescriptorSupplier("ListSpaces"))
              .build();
        }
      }
    }
    return getListSpacesMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.UpdateSpaceMembersRequest,
      tw.jipan.market.v1.UpdateSpaceMembersResponse> getUpdateSpaceMembersMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateSpaceMembers",
      requestType = tw.jipan.market.v1.UpdateSpaceMembersRequest.class,
      responseType = tw.jipan.market.v1.UpdateSpaceMembersResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.UpdateSpaceMembersRequest,
      tw.jipan.market.v1.UpdateSpaceMembersResponse> getUpdateSpaceMembersMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.UpdateSpaceMembersRequest, tw.jipan.market.v1.UpdateSpaceMembersResponse> getUpdateSpaceMembersMethod;
    if ((getUpdateSpaceMembersMethod = SpaceServiceGrpc.getUpdateSpaceMembersMethod) == null) {
      synchronized (SpaceServiceGrpc.class) {
        if ((getUpdateSpaceMembersMethod = SpaceServiceGrpc.getUpdateSpaceMembersMethod) == null) {
          SpaceServiceGrpc.getUpdateSpaceMembersMethod = getUpdateSpaceMembersMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.UpdateSpaceMembersRequest, tw.jipan.market.v1.UpdateSpaceMembersResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateSpaceMembers"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.UpdateSpaceMembersRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.UpdateSpaceMembersResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SpaceServiceMethodDescriptorSupplier("UpdateSpaceMembers"))
              .build();
        }
      }
    }
    return getUpdateSpaceMembersMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.ListSpaceActivitiesRequest,
      tw.jipan.market.v1.ListSpaceActivitiesResponse> getListSpaceActivitiesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListSpaceActivities",
      requestType = tw.jipan.market.v1.ListSpaceActivitiesRequest.class,
      responseType = tw.jipan.market.v1.ListSpaceActivitiesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.ListSpaceActivitiesRequest,
      tw.jipan.market.v1.ListSpaceActivitiesResponse> getListSpaceActivitiesMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.ListSpaceActivitiesRequest, tw.jipan.market.v1.ListSpaceActivitiesResponse> getListSpaceActivitiesMethod;
    if ((getListSpaceActivitiesMethod = SpaceServiceGrpc.getListSpaceActivitiesMethod) == null) {
      synchronized (SpaceServiceGrpc.class) {
        if ((getListSpaceActivitiesMethod = SpaceServiceGrpc.getListSpaceActivitiesMethod) == null) {
          SpaceServiceGrpc.getListSpaceActivitiesMethod = getListSpaceActivitiesMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.ListSpaceActivitiesRequest, tw.jipan.market.v1.ListSpaceActivitiesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListSpaceActivities"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListSpaceActivitiesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListSpaceActivitiesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SpaceServiceMethodDescriptorSupplier("ListSpaceActivities"))
              .build();
        }
      }
    }
    return getListSpaceActivitiesMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateSpaceDocumentRequest,
      tw.jipan.market.v1.CreateSpaceDocumentResponse> getCreateSpaceDocumentMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateSpaceDocument",
      requestType = tw.jipan.market.v1.CreateSpaceDocumentRequest.class,
      responseType = tw.jipan.market.v1.CreateSpaceDocumentResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateSpaceDocumentRequest,
      tw.jipan.market.v1.CreateSpaceDocumentResponse> getCreateSpaceDocumentMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateSpaceDocumentRequest, tw.jipan.market.v1.CreateSpaceDocumentResponse> getCreateSpaceDocumentMethod;
    if ((getCreateSpaceDocumentMethod = SpaceServiceGrpc.getCreateSpaceDocumentMethod) == null) {
      synchronized (SpaceServiceGrpc.class) {
        if ((getCreateSpaceDocumentMethod = SpaceServiceGrpc.getCreateSpaceDocumentMethod) == null) {
          SpaceServiceGrpc.getCreateSpaceDocumentMethod = getCreateSpaceDocumentMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.CreateSpaceDocumentRequest, tw.jipan.market.v1.CreateSpaceDocumentResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateSpaceDocument"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.CreateSpaceDocumentRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.CreateSpaceDocumentResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SpaceServiceMethodDescriptorSupplier("CreateSpaceDocument"))
              .build();
        }
      }
    }
    return getCreateSpaceDocumentMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.ListSpaceDocumentsRequest,
      tw.jipan.market.v1.ListSpaceDocumentsResponse> getListSpaceDocumentsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListSpaceDocuments",
      requestType = tw.jipan.market.v1.ListSpaceDocumentsRequest.class,
      responseType = tw.jipan.market.v1.ListSpaceDocumentsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.ListSpaceDocumentsRequest,
      tw.jipan.market.v1.ListSpaceDocumentsResponse> getListSpaceDocumentsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.ListSpaceDocumentsRequest, tw.jipan.market.v1.ListSpaceDocumentsResponse> getListSpaceDocumentsMethod;
    if ((getListSpaceDocumentsMethod = SpaceServiceGrpc.getListSpaceDocumentsMethod) == null) {
      synchronized (SpaceServiceGrpc.class) {
        if ((getListSpaceDocumentsMethod = SpaceServiceGrpc.getListSpaceDocumentsMethod) == null) {
          SpaceServiceGrpc.getListSpaceDocumentsMethod = getListSpaceDocumentsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.ListSpaceDocumentsRequest, tw.jipan.market.v1.ListSpaceDocumentsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListSpaceDocuments"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListSpaceDocumentsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListSpaceDocumentsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SpaceServiceMethodDescriptorSupplier("ListSpaceDocuments"))
              .build();
        }
      }
    }
    return getListSpaceDocumentsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateDecisionRequest,
      tw.jipan.market.v1.CreateDecisionResponse> getCreateDecisionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateDecision",
      requestType = tw.jipan.market.v1.CreateDecisionRequest.class,
      responseType = tw.jipan.market.v1.CreateDecisionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateDecisionRequest,
      tw.jipan.market.v1.CreateDecisionResponse> getCreateDecisionMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateDecisionRequest, tw.jipan.market.v1.CreateDecisionResponse> getCreateDecisionMethod;
    if ((getCreateDecisionMethod = SpaceServiceGrpc.getCreateDecisionMethod) == null) {
      synchronized (SpaceServiceGrpc.class) {
        if ((getCreateDecisionMethod = SpaceServiceGrpc.getCreateDecisionMethod) == null) {
          SpaceServiceGrpc.getCreateDecisionMethod = getCreateDecisionMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.CreateDecisionRequest, tw.jipan.market.v1.CreateDecisionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateDecision"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.CreateDecisionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.CreateDecisionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SpaceServiceMethodDescriptorSupplier("CreateDecision"))
              .build();
        }
      }
    }
    return getCreateDecisionMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static SpaceServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SpaceServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SpaceServiceStub>() {
        @java.lang.Override
        public SpaceServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SpaceServiceStub(channel, callOptions);
        }
      };
    return SpaceServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static SpaceServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SpaceServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SpaceServiceBlockingStub>() {
        @java.lang.Override
        public SpaceServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SpaceServiceBlockingStub(channel, callOptions);
        }
      };
    return SpaceServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static SpaceServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SpaceServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SpaceServiceFutureStub>() {
        @java.lang.Override
        public SpaceServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SpaceServiceFutureStub(channel, callOptions);
        }
      };
    return SpaceServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Co-Lab spaces: agencies and vendors co-develop with members from several
   * organisations in roles, an activity feed, documents in the object store and
   * decisions anchored on the ledger. Only members see a space.
   * </pre>
   */
  public static abstract class SpaceServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Creates a space; the caller's organisation is its owner.
     * </pre>
     */
    public void createSpace(tw.jipan.market.v1.CreateSpaceRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateSpaceResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateSpaceMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns a space the caller's organisation is a member of.
     * </pre>
     */
    public void getSpace(tw.jipan.market.v1.GetSpaceRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.GetSpaceResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetSpaceMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the spaces the caller's organisation is a member of.
     * </pre>
     */
    public void listSpaces(tw.jipan.market.v1.ListSpacesRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListSpacesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListSpacesMethod(), responseObserver);
    }

    /**
     * <pre>
     * Sets members' roles (SPACE_ROLE_UNSPECIFIED removes one); owners only.
     * </pre>
     */
    public void updateSpaceMembers(tw.jipan.market.v1.UpdateSpaceMembersRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.UpdateSpaceMembersResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateSpaceMembersMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists a space's activity feed, newest first.
     * </pre>
     */
    public void listSpaceActivities(tw.jipan.market.v1.ListSpaceActivitiesRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListSpaceActivitiesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListSpaceActivitiesMethod(), responseObserver);
    }

    /**
     * <pre>
     * Adds a document (kept in the object store); contributors and above.
     * </pre>
     */
    public void createSpaceDocument(tw.jipan.market.v1.CreateSpaceDocumentRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateSpaceDocumentResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateSpaceDocumentMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists a space's documents.
     * </pre>
     */
    public void listSpaceDocuments(tw.jipan.market.v1.ListSpaceDocumentsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListSpaceDocumentsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListSpaceDocumentsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Records a decision and anchors its digest on the ledger; maintainers and
     * owners.
     * </pre>
     */
    public void createDecision(tw.jipan.market.v1.CreateDecisionRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateDecisionResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateDecisionMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getCreateSpaceMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.CreateSpaceRequest,
                tw.jipan.market.v1.CreateSpaceResponse>(
                  this, METHODID_CREATE_SPACE)))
          .addMethod(
            getGetSpaceMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.GetSpaceRequest,
                tw.jipan.market.v1.GetSpaceResponse>(
                  this, METHODID_GET_SPACE)))
          .addMethod(
            getListSpacesMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.ListSpacesRequest,
                tw.jipan.market.v1.ListSpacesResponse>(
                  this, METHODID_LIST_SPACES)))
          .addMethod(
            getUpdateSpaceMembersMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.UpdateSpaceMembersRequest,
                tw.jipan.market.v1.UpdateSpaceMembersResponse>(
                  this, METHODID_UPDATE_SPACE_MEMBERS)))
          .addMethod(
            getListSpaceActivitiesMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.ListSpaceActivitiesRequest,
                tw.jipan.market.v1.ListSpaceActivitiesResponse>(
                  this, METHODID_LIST_SPACE_ACTIVITIES)))
          .addMethod(
            getCreateSpaceDocumentMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.CreateSpaceDocumentRequest,
                tw.jipan.market.v1.CreateSpaceDocumentResponse>(
                  this, METHODID_CREATE_SPACE_DOCUMENT)))
          .addMethod(
            getListSpaceDocumentsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.ListSpaceDocumentsRequest,
                tw.jipan.market.v1.ListSpaceDocumentsResponse>(
                  this, METHODID_LIST_SPACE_DOCUMENTS)))
          .addMethod(
            getCreateDecisionMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.CreateDecisionRequest,
                tw.jipan.market.v1.CreateDecisionResponse>(
                  this, METHODID_CREATE_DECISION)))
          .build();
    }
  }

  /**
   * <pre>
   * Co-Lab spaces: agencies and vendors co-develop with members from several
   * organisations in roles, an activity feed, documents in the object store and
   * decisions anchored on the ledger. Only members see a space.
   * </pre>
   */
  public static final class SpaceServiceStub extends io.grpc.stub.AbstractAsyncStub<SpaceServiceStub> {
    private SpaceServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SpaceServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SpaceServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a space; the caller's organisation is its owner.
     * </pre>
     */
    public void createSpace(tw.jipan.market.v1.CreateSpaceRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateSpaceResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateSpaceMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns a space the caller's organisation is a member of.
     * </pre>
     */
    public void getSpace(tw.jipan.market.v1.GetSpaceRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.GetSpaceResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetSpaceMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the spaces the caller's organisation is a member of.
     * </pre>
     */
    public void listSpaces(tw.jipan.market.v1.ListSpacesRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListSpacesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListSpacesMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Sets members' roles (SPACE_ROLE_UNSPECIFIED removes one); owners only.
     * </pre>
     */
    public void updateSpaceMembers(tw.jipan.market.v1.UpdateSpaceMembersRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.UpdateSpaceMembersResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateSpaceMembersMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists a space's activity feed, newest first.
     * </pre>
     */
    public void listSpaceActivities(tw.jipan.market.v1.ListSpaceActivitiesRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListSpaceActivitiesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListSpaceActivitiesMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Adds a document (kept in the object store); contributors and above.
     * </pre>
     */
    public void createSpaceDocument(tw.jipan.market.v1.CreateSpaceDocumentRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateSpaceDocumentResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateSpaceDocumentMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists a space's documents.
     * </pre>
     */
    public void listSpaceDocuments(tw.jipan.market.v1.ListSpaceDocumentsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListSpaceDocumentsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListSpaceDocumentsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Records a decision and anchors its digest on the ledger; maintainers and
     * owners.
     * </pre>
     */
    public void createDecision(tw.jipan.market.v1.CreateDecisionRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateDecisionResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateDecisionMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * Co-Lab spaces: agencies and vendors co-develop with members from several
   * organisations in roles, an activity feed, documents in the object store and
   * decisions anchored on the ledger. Only members see a space.
   * </pre>
   */
  public static final class SpaceServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<SpaceServiceBlockingStub> {
    private SpaceServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SpaceServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SpaceServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a space; the caller's organisation is its owner.
     * </pre>
     */
    public tw.jipan.market.v1.CreateSpaceResponse createSpace(tw.jipan.market.v1.CreateSpaceRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateSpaceMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns a space the caller's organisation is a member of.
     * </pre>
     */
    public tw.jipan.market.v1.GetSpaceResponse getSpace(tw.jipan.market.v1.GetSpaceRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetSpaceMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the spaces the caller's organisation is a member of.
     * </pre>
     */
    public tw.jipan.market.v1.ListSpacesResponse listSpaces(tw.jipan.market.v1.ListSpacesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListSpacesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Sets members' roles (SPACE_ROLE_UNSPECIFIED removes one); owners only.
     * </pre>
     */
    public tw.jipan.market.v1.UpdateSpaceMembersResponse updateSpaceMembers(tw.jipan.market.v1.UpdateSpaceMembersRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateSpaceMembersMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists a space's activity feed, newest first.
     * </pre>
     */
    public tw.jipan.market.v1.ListSpaceActivitiesResponse listSpaceActivities(tw.jipan.market.v1.ListSpaceActivitiesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListSpaceActivitiesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Adds a document (kept in the object store); contributors and above.
     * </pre>
     */
    public tw.jipan.market.v1.CreateSpaceDocumentResponse createSpaceDocument(tw.jipan.market.v1.CreateSpaceDocumentRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateSpaceDocumentMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists a space's documents.
     * </pre>
     */
    public tw.jipan.market.v1.ListSpaceDocumentsResponse listSpaceDocuments(tw.jipan.market.v1.ListSpaceDocumentsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListSpaceDocumentsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Records a decision and anchors its digest on the ledger; maintainers and
     * owners.
     * </pre>
     */
    public tw.jipan.market.v1.CreateDecisionResponse createDecision(tw.jipan.market.v1.CreateDecisionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateDecisionMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * Co-Lab spaces: agencies and vendors co-develop with members from several
   * organisations in roles, an activity feed, documents in the object store and
   * decisions anchored on the ledger. Only members see a space.
   * </pre>
   */
  public static final class SpaceServiceFutureStub extends io.grpc.stub.AbstractFutureStub<SpaceServiceFutureStub> {
    private SpaceServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SpaceServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SpaceServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a space; the caller's organisation is its owner.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.CreateSpaceResponse> createSpace(
        tw.jipan.market.v1.CreateSpaceRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateSpaceMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns a space the caller's organisation is a member of.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.GetSpaceResponse> getSpace(
        tw.jipan.market.v1.GetSpaceRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetSpaceMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the spaces the caller's organisation is a member of.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.ListSpacesResponse> listSpaces(
        tw.jipan.market.v1.ListSpacesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListSpacesMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Sets members' roles (SPACE_ROLE_UNSPECIFIED removes one); owners only.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.UpdateSpaceMembersResponse> updateSpaceMembers(
        tw.jipan.market.v1.UpdateSpaceMembersRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateSpaceMembersMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists a space's activity feed, newest first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.ListSpaceActivitiesResponse> listSpaceActivities(
        tw.jipan.market.v1.ListSpaceActivitiesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListSpaceActivitiesMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Adds a document (kept in the object store); contributors and above.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.CreateSpaceDocumentResponse> createSpaceDocument(
        tw.jipan.market.v1.CreateSpaceDocumentRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateSpaceDocumentMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists a space's documents.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.ListSpaceDocumentsResponse> listSpaceDocuments(
        tw.jipan.market.v1.ListSpaceDocumentsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListSpaceDocumentsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Records a decision and anchors its digest on the ledger; maintainers and
     * owners.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.CreateDecisionResponse> createDecision(
        tw.jipan.market.v1.CreateDecisionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateDecisionMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_SPACE = 0;
  private static final int METHODID_GET_SPACE = 1;
  private static final int METHODID_LIST_SPACES = 2;
  private static final int METHODID_UPDATE_SPACE_MEMBERS = 3;
  private static final int METHODID_LIST_SPACE_ACTIVITIES = 4;
  private static final int METHODID_CREATE_SPACE_DOCUMENT = 5;
  private static final int METHODID_LIST_SPACE_DOCUMENTS = 6;
  private static final int METHODID_CREATE_DECISION = 7;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final SpaceServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(SpaceServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_CREATE_SPACE:
          serviceImpl.createSpace((tw.jipan.market.v1.CreateSpaceRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateSpaceResponse>) responseObserver);
          break;
        case METHODID_GET_SPACE:
          serviceImpl.getSpace((tw.jipan.market.v1.GetSpaceRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.GetSpaceResponse>) responseObserver);
          break;
        case METHODID_LIST_SPACES:
          serviceImpl.listSpaces((tw.jipan.market.v1.ListSpacesRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListSpacesResponse>) responseObserver);
          break;
        case METHODID_UPDATE_SPACE_MEMBERS:
          serviceImpl.updateSpaceMembers((tw.jipan.market.v1.UpdateSpaceMembersRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.UpdateSpaceMembersResponse>) responseObserver);
          break;
        case METHODID_LIST_SPACE_ACTIVITIES:
          serviceImpl.listSpaceActivities((tw.jipan.market.v1.ListSpaceActivitiesRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListSpaceActivitiesResponse>) responseObserver);
          break;
        case METHODID_CREATE_SPACE_DOCUMENT:
          serviceImpl.createSpaceDocument((tw.jipan.market.v1.CreateSpaceDocumentRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateSpaceDocumentResponse>) responseObserver);
          break;
        case METHODID_LIST_SPACE_DOCUMENTS:
          serviceImpl.listSpaceDocuments((tw.jipan.market.v1.ListSpaceDocumentsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListSpaceDocumentsResponse>) responseObserver);
          break;
        case METHODID_CREATE_DECISION:
          serviceImpl.createDecision((tw.jipan.market.v1.CreateDecisionRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateDecisionResponse>) responseObserver);
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

  private static abstract class SpaceServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    SpaceServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.market.v1.SpaceServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("SpaceService");
    }
  }

  private static final class SpaceServiceFileDescriptorSupplier
      extends SpaceServiceBaseDescriptorSupplier {
    SpaceServiceFileDescriptorSupplier() {}
  }

  private static final class SpaceServiceMethodDescriptorSupplier
      extends SpaceServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    SpaceServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (SpaceServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new SpaceServiceFileDescriptorSupplier())
              .addMethod(getCreateSpaceMethod())
              .addMethod(getGetSpaceMethod())
              .addMethod(getListSpacesMethod())
              .addMethod(getUpdateSpaceMembersMethod())
              .addMethod(getListSpaceActivitiesMethod())
              .addMethod(getCreateSpaceDocumentMethod())
              .addMethod(getListSpaceDocumentsMethod())
              .addMethod(getCreateDecisionMethod())
              .build();
        }
      }
    }
    return result;
  }
}
