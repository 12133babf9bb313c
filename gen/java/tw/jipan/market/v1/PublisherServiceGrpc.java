package tw.jipan.market.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Publishers: an organisation claims a project and proves that it controls it
 * by publishing the claim's challenge where the project's registry metadata
 * points (its repository or homepage); a verified claim makes it the
 * project's verified publisher (Artifact Hub's "verified publisher"), and the
 * marketplace's operators may mark it official. Claims and their challenges
 * are seen by the claiming organisation only; publishers are public.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/market/v1/publisher_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class PublisherServiceGrpc {

  private PublisherServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.market.v1.PublisherService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateClaimRequest,
      tw.jipan.market.v1.CreateClaimResponse> getCreateClaimMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateClaim",
      requestType = tw.jipan.market.v1.CreateClaimRequest.class,
      responseType = tw.jipan.market.v1.CreateClaimResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateClaimRequest,
      tw.jipan.market.v1.CreateClaimResponse> getCreateClaimMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateClaimRequest, tw.jipan.market.v1.CreateClaimResponse> getCreateClaimMethod;
    if ((getCreateClaimMethod = PublisherServiceGrpc.getCreateClaimMethod) == null) {
      synchronized (PublisherServiceGrpc.class) {
        if ((getCreateClaimMethod = PublisherServiceGrpc.getCreateClaimMethod) == null) {
          PublisherServiceGrpc.getCreateClaimMethod = getCreateClaimMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.CreateClaimRequest, tw.jipan.market.v1.CreateClaimResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateClaim"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.CreateClaimRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.CreateClaimResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PublisherServiceMethodDescriptorSupplier("CreateClaim"))
              .build();
        }
      }
    }
    return getCreateClaimMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.VerifyClaimRequest,
      tw.jipan.market.v1.VerifyClaimResponse> getVerifyClaimMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "VerifyClaim",
      requestType = tw.jipan.market.v1.VerifyClaimRequest.class,
      responseType = tw.jipan.market.v1.VerifyClaimResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.VerifyClaimRequest,
      tw.jipan.market.v1.VerifyClaimResponse> getVerifyClaimMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.VerifyClaimRequest, tw.jipan.market.v1.VerifyClaimResponse> getVerifyClaimMethod;
    if ((getVerifyClaimMethod = PublisherServiceGrpc.getVerifyClaimMethod) == null) {
      synchronized (PublisherServiceGrpc.class) {
        if ((getVerifyClaimMethod = PublisherServiceGrpc.getVerifyClaimMethod) == null) {
          PublisherServiceGrpc.getVerifyClaimMethod = getVerifyClaimMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.VerifyClaimRequest, tw.jipan.market.v1.VerifyClaimResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "VerifyClaim"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.VerifyClaimRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.VerifyClaimResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PublisherServiceMethodDescriptorSupplier("VerifyClaim"))
              .build();
        }
      }
    }
    return getVerifyClaimMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.GetClaimRequest,
      tw.jipan.market.v1.GetClaimResponse> getGetClaimMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetClaim",
      requestType = tw.jipan.market.v1.GetClaimRequest.class,
      responseType = tw.jipan.market.v1.GetClaimResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.GetClaimRequest,
      tw.jipan.market.v1.GetClaimResponse> getGetClaimMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.GetClaimRequest, tw.jipan.market.v1.GetClaimResponse> getGetClaimMethod;
    if ((getGetClaimMethod = PublisherServiceGrpc.getGetClaimMethod) == null) {
      synchronized (PublisherServiceGrpc.class) {
        if ((getGetClaimMethod = PublisherServiceGrpc.getGetClaimMethod) == null) {
          PublisherServiceGrpc.getGetClaimMethod = getGetClaimMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.GetClaimRequest, tw.jipan.market.v1.GetClaimResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetClaim"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.GetClaimRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.GetClaimResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PublisherServiceMethodDescriptorSupplier("GetClaim"))
              .build();
        }
      }
    }
    return getGetClaimMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.ListClaimsRequest,
      tw.jipan.market.v1.ListClaimsResponse> getListClaimsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListClaims",
      requestType = tw.jipan.market.v1.ListClaimsRequest.class,
      responseType = tw.jipan.market.v1.ListClaimsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.ListClaimsRequest,
      tw.jipan.market.v1.ListClaimsResponse> getListClaimsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.ListClaimsRequest, tw.jipan.market.v1.ListClaimsResponse> getListClaimsMethod;
    if ((getListClaimsMethod = PublisherServiceGrpc.getListClaimsMethod) == null) {
      synchronized (PublisherServiceGrpc.class) {
        if ((getListClaimsMethod = PublisherServiceGrpc.getListClaimsMethod) == null) {
          PublisherServiceGrpc.getListClaimsMethod = getListClaimsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.ListClaimsRequest, tw.jipan.market.v1.ListClaimsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListClaims"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListClaimsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListClaimsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PublisherServiceMethodDescriptorSupplier("ListClaims"))
              .build();
        }
      }
    }
    return getListClaimsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.GetPublisherRequest,
      tw.jipan.market.v1.GetPublisherResponse> getGetPublisherMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetPublisher",
      requestType = tw.jipan.market.v1.GetPublisherRequest.class,
      responseType = tw.jipan.market.v1.GetPublisherResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.GetPublisherRequest,
      tw.jipan.market.v1.GetPublisherResponse> getGetPublisherMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.GetPublisherRequest, tw.jipan.market.v1.GetPublisherResponse> getGetPublisherMethod;
    if ((getGetPublisherMethod = PublisherServiceGrpc.getGetPublisherMethod) == null) {
      synchronized (PublisherServiceGrpc.class) {
        if ((getGetPublisherMethod = PublisherServiceGrpc.getGetPublisherMethod) == null) {
          PublisherServiceGrpc.getGetPublisherMethod = getGetPublisherMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.GetPublisherRequest, tw.jipan.market.v1.GetPublisherResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetPublisher"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.GetPublisherRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.GetPublisherResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PublisherServiceMethodDescriptorSupplier("GetPublisher"))
              .build();
        }
      }
    }
    return getGetPublisherMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.MarkPublisherOfficialRequest,
      tw.jipan.market.v1.MarkPublisherOfficialResponse> getMarkPublisherOfficialMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "MarkPublisherOfficial",
      requestType = tw.jipan.market.v1.MarkPublisherOfficialRequest.class,
      responseType = tw.jipan.market.v1.MarkPublisherOfficialResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.MarkPublisherOfficialRequest,
      tw.jipan.market.v1.MarkPublisherOfficialResponse> getMarkPublisherOfficialMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.MarkPublisherOfficialRequest, tw.jipan.market.v1.MarkPublisherOfficialResponse> getMarkPublisherOfficialMethod;
    if ((getMarkPublisherOfficialMethod = PublisherServiceGrpc.getMarkPublisherOfficialMethod) == null) {
      synchronized (PublisherServiceGrpc.class) {
        if ((getMarkPublisherOfficialMethod = PublisherServiceGrpc.getMarkPublisherOfficialMethod) == null) {
          PublisherServiceGrpc.getMarkPublisherOfficialMethod = getMarkPublisherOfficialMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.MarkPublisherOfficialRequest, tw.jipan.market.v1.MarkPublisherOfficialResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "MarkPublisherOfficial"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.MarkPublisherOfficialRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.MarkPublisherOfficialResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PublisherServiceMethodDescriptorSupplier("MarkPublisherOfficial"))
              .build();
        }
      }
    }
    return getMarkPublisherOfficialMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static PublisherServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<PublisherServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<PublisherServiceStub>() {
        @java.lang.Override
        public PublisherServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new PublisherServiceStub(channel, callOptions);
        }
      };
    return PublisherServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static PublisherServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<PublisherServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<PublisherServiceBlockingStub>() {
        @java.lang.Override
        public PublisherServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new PublisherServiceBlockingStub(channel, callOptions);
        }
      };
    return PublisherServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static PublisherServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<PublisherServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<PublisherServiceFutureStub>() {
        @java.lang.Override
        public PublisherServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new PublisherServiceFutureStub(channel, callOptions);
        }
      };
    return PublisherServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Publishers: an organisation claims a project and proves that it controls it
   * by publishing the claim's challenge where the project's registry metadata
   * points (its repository or homepage); a verified claim makes it the
   * project's verified publisher (Artifact Hub's "verified publisher"), and the
   * marketplace's operators may mark it official. Claims and their challenges
   * are seen by the claiming organisation only; publishers are public.
   * </pre>
   */
  public static abstract class PublisherServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Starts a claim of the caller's organisation on a project and returns its
     * challenge token. A project with a verified claim of another organisation
     * is ALREADY_EXISTS PROJECT_ALREADY_CLAIMED.
     * </pre>
     */
    public void createClaim(tw.jipan.market.v1.CreateClaimRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateClaimResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateClaimMethod(), responseObserver);
    }

    /**
     * <pre>
     * Fetches the claim's challenge file (see ClaimMethod) and checks that it
     * holds the challenge. Found: the claim is VERIFIED and the organisation is
     * the project's publisher. Not found (or unreachable): FAILED_PRECONDITION
     * CLAIM_PROOF_INVALID, and the claim stays PENDING until it expires.
     * </pre>
     */
    public void verifyClaim(tw.jipan.market.v1.VerifyClaimRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.VerifyClaimResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getVerifyClaimMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns a claim of the caller's organisation.
     * </pre>
     */
    public void getClaim(tw.jipan.market.v1.GetClaimRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.GetClaimResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetClaimMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the caller's organisation's claims on a project, newest first.
     * </pre>
     */
    public void listClaims(tw.jipan.market.v1.ListClaimsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListClaimsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListClaimsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns a publisher: the projects it holds verified claims on and its
     * badges.
     * </pre>
     */
    public void getPublisher(tw.jipan.market.v1.GetPublisherRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.GetPublisherResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetPublisherMethod(), responseObserver);
    }

    /**
     * <pre>
     * Marks a verified publisher official (it owns the software it publishes).
     * The marketplace's operators only (role "market-admin").
     * </pre>
     */
    public void markPublisherOfficial(tw.jipan.market.v1.MarkPublisherOfficialRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.MarkPublisherOfficialResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getMarkPublisherOfficialMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getCreateClaimMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.CreateClaimRequest,
                tw.jipan.market.v1.CreateClaimResponse>(
                  this, METHODID_CREATE_CLAIM)))
          .addMethod(
            getVerifyClaimMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.VerifyClaimRequest,
                tw.jipan.market.v1.VerifyClaimResponse>(
                  this, METHODID_VERIFY_CLAIM)))
          .addMethod(
            getGetClaimMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.GetClaimRequest,
                tw.jipan.market.v1.GetClaimResponse>(
                  this, METHODID_GET_CLAIM)))
          .addMethod(
            getListClaimsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.ListClaimsRequest,
                tw.jipan.market.v1.ListClaimsResponse>(
                  this, METHODID_LIST_CLAIMS)))
          .addMethod(
            getGetPublisherMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.GetPublisherRequest,
                tw.jipan.market.v1.GetPublisherResponse>(
                  this, METHODID_GET_PUBLISHER)))
          .addMethod(
            getMarkPublisherOfficialMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.MarkPublisherOfficialRequest,
                tw.jipan.market.v1.MarkPublisherOfficialResponse>(
                  this, METHODID_MARK_PUBLISHER_OFFICIAL)))
          .build();
    }
  }

  /**
   * <pre>
   * Publishers: an organisation claims a project and proves that it controls it
   * by publishing the claim's challenge where the project's registry metadata
   * points (its repository or homepage); a verified claim makes it the
   * project's verified publisher (Artifact Hub's "verified publisher"), and the
   * marketplace's operators may mark it official. Claims and their challenges
   * are seen by the claiming organisation only; publishers are public.
   * </pre>
   */
  public static final class PublisherServiceStub extends io.grpc.stub.AbstractAsyncStub<PublisherServiceStub> {
    private PublisherServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected PublisherServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new PublisherServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Starts a claim of the caller's organisation on a project and returns its
     * challenge token. A project with a verified claim of another organisation
     * is ALREADY_EXISTS PROJECT_ALREADY_CLAIMED.
     * </pre>
     */
    public void createClaim(tw.jipan.market.v1.CreateClaimRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateClaimResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateClaimMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Fetches the claim's challenge file (see ClaimMethod) and checks that it
     * holds the challenge. Found: the claim is VERIFIED and the organisation is
     * the project's publisher. Not found (or unreachable): FAILED_PRECONDITION
     * CLAIM_PROOF_INVALID, and the claim stays PENDING until it expires.
     * </pre>
     */
    public void verifyClaim(tw.jipan.market.v1.VerifyClaimRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.VerifyClaimResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getVerifyClaimMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns a claim of the caller's organisation.
     * </pre>
     */
    public void getClaim(tw.jipan.market.v1.GetClaimRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.GetClaimResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetClaimMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the caller's organisation's claims on a project, newest first.
     * </pre>
     */
    public void listClaims(tw.jipan.market.v1.ListClaimsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListClaimsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListClaimsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns a publisher: the projects it holds verified claims on and its
     * badges.
     * </pre>
     */
    public void getPublisher(tw.jipan.market.v1.GetPublisherRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.GetPublisherResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetPublisherMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Marks a verified publisher official (it owns the software it publishes).
     * The marketplace's operators only (role "market-admin").
     * </pre>
     */
    public void markPublisherOfficial(tw.jipan.market.v1.MarkPublisherOfficialRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.MarkPublisherOfficialResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getMarkPublisherOfficialMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * Publishers: an organisation claims a project and proves that it controls it
   * by publishing the claim's challenge where the project's registry metadata
   * points (its repository or homepage); a verified claim makes it the
   * project's verified publisher (Artifact Hub's "verified publisher"), and the
   * marketplace's operators may mark it official. Claims and their challenges
   * are seen by the claiming organisation only; publishers are public.
   * </pre>
   */
  public static final class PublisherServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<PublisherServiceBlockingStub> {
    private PublisherServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected PublisherServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new PublisherServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Starts a claim of the caller's organisation on a project and returns its
     * challenge token. A project with a verified claim of another organisation
     * is ALREADY_EXISTS PROJECT_ALREADY_CLAIMED.
     * </pre>
     */
    public tw.jipan.market.v1.CreateClaimResponse createClaim(tw.jipan.market.v1.CreateClaimRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateClaimMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Fetches the claim's challenge file (see ClaimMethod) and checks that it
     * holds the challenge. Found: the claim is VERIFIED and the organisation is
     * the project's publisher. Not found (or unreachable): FAILED_PRECONDITION
     * CLAIM_PROOF_INVALID, and the claim stays PENDING until it expires.
     * </pre>
     */
    public tw.jipan.market.v1.VerifyClaimResponse verifyClaim(tw.jipan.market.v1.VerifyClaimRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getVerifyClaimMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns a claim of the caller's organisation.
     * </pre>
     */
    public tw.jipan.market.v1.GetClaimResponse getClaim(tw.jipan.market.v1.GetClaimRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetClaimMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the caller's organisation's claims on a project, newest first.
     * </pre>
     */
    public tw.jipan.market.v1.ListClaimsResponse listClaims(tw.jipan.market.v1.ListClaimsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListClaimsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns a publisher: the projects it holds verified claims on and its
     * badges.
     * </pre>
     */
    public tw.jipan.market.v1.GetPublisherResponse getPublisher(tw.jipan.market.v1.GetPublisherRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetPublisherMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Marks a verified publisher official (it owns the software it publishes).
     * The marketplace's operators only (role "market-admin").
     * </pre>
     */
    public tw.jipan.market.v1.MarkPublisherOfficialResponse markPublisherOfficial(tw.jipan.market.v1.MarkPublisherOfficialRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getMarkPublisherOfficialMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * Publishers: an organisation claims a project and proves that it controls it
   * by publishing the claim's challenge where the project's registry metadata
   * points (its repository or homepage); a verified claim makes it the
   * project's verified publisher (Artifact Hub's "verified publisher"), and the
   * marketplace's operators may mark it official. Claims and their challenges
   * are seen by the claiming organisation only; publishers are public.
   * </pre>
   */
  public static final class PublisherServiceFutureStub extends io.grpc.stub.AbstractFutureStub<PublisherServiceFutureStub> {
    private PublisherServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected PublisherServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new PublisherServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Starts a claim of the caller's organisation on a project and returns its
     * challenge token. A project with a verified claim of another organisation
     * is ALREADY_EXISTS PROJECT_ALREADY_CLAIMED.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.CreateClaimResponse> createClaim(
        tw.jipan.market.v1.CreateClaimRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateClaimMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Fetches the claim's challenge file (see ClaimMethod) and checks that it
     * holds the challenge. Found: the claim is VERIFIED and the organisation is
     * the project's publisher. Not found (or unreachable): FAILED_PRECONDITION
     * CLAIM_PROOF_INVALID, and the claim stays PENDING until it expires.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.VerifyClaimResponse> verifyClaim(
        tw.jipan.market.v1.VerifyClaimRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getVerifyClaimMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns a claim of the caller's organisation.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.GetClaimResponse> getClaim(
        tw.jipan.market.v1.GetClaimRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetClaimMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the caller's organisation's claims on a project, newest first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.ListClaimsResponse> listClaims(
        tw.jipan.market.v1.ListClaimsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListClaimsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns a publisher: the projects it holds verified claims on and its
     * badges.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.GetPublisherResponse> getPublisher(
        tw.jipan.market.v1.GetPublisherRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetPublisherMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Marks a verified publisher official (it owns the software it publishes).
     * The marketplace's operators only (role "market-admin").
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.MarkPublisherOfficialResponse> markPublisherOfficial(
        tw.jipan.market.v1.MarkPublisherOfficialRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getMarkPublisherOfficialMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_CLAIM = 0;
  private static final int METHODID_VERIFY_CLAIM = 1;
  private static final int METHODID_GET_CLAIM = 2;
  private static final int METHODID_LIST_CLAIMS = 3;
  private static final int METHODID_GET_PUBLISHER = 4;
  private static final int METHODID_MARK_PUBLISHER_OFFICIAL = 5;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final PublisherServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(PublisherServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_CREATE_CLAIM:
          serviceImpl.createClaim((tw.jipan.market.v1.CreateClaimRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateClaimResponse>) responseObserver);
          break;
        case METHODID_VERIFY_CLAIM:
          serviceImpl.verifyClaim((tw.jipan.market.v1.VerifyClaimRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.VerifyClaimResponse>) responseObserver);
          break;
        case METHODID_GET_CLAIM:
          serviceImpl.getClaim((tw.jipan.market.v1.GetClaimRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.GetClaimResponse>) responseObserver);
          break;
        case METHODID_LIST_CLAIMS:
          serviceImpl.listClaims((tw.jipan.market.v1.ListClaimsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListClaimsResponse>) responseObserver);
          break;
        case METHODID_GET_PUBLISHER:
          serviceImpl.getPublisher((tw.jipan.market.v1.GetPublisherRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.GetPublisherResponse>) responseObserver);
          break;
        case METHODID_MARK_PUBLISHER_OFFICIAL:
          serviceImpl.markPublisherOfficial((tw.jipan.market.v1.MarkPublisherOfficialRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.MarkPublisherOfficialResponse>) responseObserver);
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

  private static abstract class PublisherServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    PublisherServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.market.v1.PublisherServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("PublisherService");
    }
  }

  private static final class PublisherServiceFileDescriptorSupplier
      extends PublisherServiceBaseDescriptorSupplier {
    PublisherServiceFileDescriptorSupplier() {}
  }

  private static final class PublisherServiceMethodDescriptorSupplier
      extends PublisherServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    PublisherServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (PublisherServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new PublisherServiceFileDescriptorSupplier())
              .addMethod(getCreateClaimMethod())
              .addMethod(getVerifyClaimMethod())
              .addMethod(getGetClaimMethod())
              .addMethod(getListClaimsMethod())
              .addMethod(getGetPublisherMethod())
              .addMethod(getMarkPublisherOfficialMethod())
              .build();
        }
      }
    }
    return result;
  }
}
