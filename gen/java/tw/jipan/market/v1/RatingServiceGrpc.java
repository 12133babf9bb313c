package tw.jipan.market.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Ratings and reviews of providers, only by an agency holding a confirmed
 * procurement order with the provider (checked through procurement's
 * OrderService, never its tables), once per order; aggregated with a Bayesian
 * average; each rating's digest anchored on the ledger.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/market/v1/rating_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class RatingServiceGrpc {

  private RatingServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.market.v1.RatingService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateRatingRequest,
      tw.jipan.market.v1.CreateRatingResponse> getCreateRatingMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateRating",
      requestType = tw.jipan.market.v1.CreateRatingRequest.class,
      responseType = tw.jipan.market.v1.CreateRatingResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateRatingRequest,
      tw.jipan.market.v1.CreateRatingResponse> getCreateRatingMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateRatingRequest, tw.jipan.market.v1.CreateRatingResponse> getCreateRatingMethod;
    if ((getCreateRatingMethod = RatingServiceGrpc.getCreateRatingMethod) == null) {
      synchronized (RatingServiceGrpc.class) {
        if ((getCreateRatingMethod = RatingServiceGrpc.getCreateRatingMethod) == null) {
          RatingServiceGrpc.getCreateRatingMethod = getCreateRatingMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.CreateRatingRequest, tw.jipan.market.v1.CreateRatingResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateRating"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.CreateRatingRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.CreateRatingResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RatingServiceMethodDescriptorSupplier("CreateRating"))
              .build();
        }
      }
    }
    return getCreateRatingMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.ListRatingsRequest,
      tw.jipan.market.v1.ListRatingsResponse> getListRatingsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListRatings",
      requestType = tw.jipan.market.v1.ListRatingsRequest.class,
      responseType = tw.jipan.market.v1.ListRatingsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.ListRatingsRequest,
      tw.jipan.market.v1.ListRatingsResponse> getListRatingsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.ListRatingsRequest, tw.jipan.market.v1.ListRatingsResponse> getListRatingsMethod;
    if ((getListRatingsMethod = RatingServiceGrpc.getListRatingsMethod) == null) {
      synchronized (RatingServiceGrpc.class) {
        if ((getListRatingsMethod = RatingServiceGrpc.getListRatingsMethod) == null) {
          RatingServiceGrpc.getListRatingsMethod = getListRatingsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.ListRatingsRequest, tw.jipan.market.v1.ListRatingsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListRatings"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListRatingsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListRatingsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RatingServiceMethodDescriptorSupplier("ListRatings"))
              .build();
        }
      }
    }
    return getListRatingsMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static RatingServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<RatingServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<RatingServiceStub>() {
        @java.lang.Override
        public RatingServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new RatingServiceStub(channel, callOptions);
        }
      };
    return RatingServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static RatingServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<RatingServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<RatingServiceBlockingStub>() {
        @java.lang.Override
        public RatingServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new RatingServiceBlockingStub(channel, callOptions);
        }
      };
    return RatingServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static RatingServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<RatingServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<RatingServiceFutureStub>() {
        @java.lang.Override
        public RatingServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new RatingServiceFutureStub(channel, callOptions);
        }
      };
    return RatingServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Ratings and reviews of providers, only by an agency holding a confirmed
   * procurement order with the provider (checked through procurement's
   * OrderService, never its tables), once per order; aggregated with a Bayesian
   * average; each rating's digest anchored on the ledger.
   * </pre>
   */
  public static abstract class RatingServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Rates a provider for one confirmed order of the caller's agency.
     * </pre>
     */
    public void createRating(tw.jipan.market.v1.CreateRatingRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateRatingResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateRatingMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists a provider's ratings, newest first.
     * </pre>
     */
    public void listRatings(tw.jipan.market.v1.ListRatingsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListRatingsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListRatingsMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getCreateRatingMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.CreateRatingRequest,
                tw.jipan.market.v1.CreateRatingResponse>(
                  this, METHODID_CREATE_RATING)))
          .addMethod(
            getListRatingsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.ListRatingsRequest,
                tw.jipan.market.v1.ListRatingsResponse>(
                  this, METHODID_LIST_RATINGS)))
          .build();
    }
  }

  /**
   * <pre>
   * Ratings and reviews of providers, only by an agency holding a confirmed
   * procurement order with the provider (checked through procurement's
   * OrderService, never its tables), once per order; aggregated with a Bayesian
   * average; each rating's digest anchored on the ledger.
   * </pre>
   */
  public static final class RatingServiceStub extends io.grpc.stub.AbstractAsyncStub<RatingServiceStub> {
    private RatingServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected RatingServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new RatingServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Rates a provider for one confirmed order of the caller's agency.
     * </pre>
     */
    public void createRating(tw.jipan.market.v1.CreateRatingRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateRatingResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateRatingMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists a provider's ratings, newest first.
     * </pre>
     */
    public void listRatings(tw.jipan.market.v1.ListRatingsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListRatingsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListRatingsMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * Ratings and reviews of providers, only by an agency holding a confirmed
   * procurement order with the provider (checked through procurement's
   * OrderService, never its tables), once per order; aggregated with a Bayesian
   * average; each rating's digest anchored on the ledger.
   * </pre>
   */
  public static final class RatingServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<RatingServiceBlockingStub> {
    private RatingServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected RatingServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new RatingServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Rates a provider for one confirmed order of the caller's agency.
     * </pre>
     */
    public tw.jipan.market.v1.CreateRatingResponse createRating(tw.jipan.market.v1.CreateRatingRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateRatingMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists a provider's ratings, newest first.
     * </pre>
     */
    public tw.jipan.market.v1.ListRatingsResponse listRatings(tw.jipan.market.v1.ListRatingsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListRatingsMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * Ratings and reviews of providers, only by an agency holding a confirmed
   * procurement order with the provider (checked through procurement's
   * OrderService, never its tables), once per order; aggregated with a Bayesian
   * average; each rating's digest anchored on the ledger.
   * </pre>
   */
  public static final class RatingServiceFutureStub extends io.grpc.stub.AbstractFutureStub<RatingServiceFutureStub> {
    private RatingServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected RatingServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new RatingServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Rates a provider for one confirmed order of the caller's agency.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.CreateRatingResponse> createRating(
        tw.jipan.market.v1.CreateRatingRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateRatingMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists a provider's ratings, newest first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.ListRatingsResponse> listRatings(
        tw.jipan.market.v1.ListRatingsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListRatingsMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_RATING = 0;
  private static final int METHODID_LIST_RATINGS = 1;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final RatingServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(RatingServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_CREATE_RATING:
          serviceImpl.createRating((tw.jipan.market.v1.CreateRatingRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateRatingResponse>) responseObserver);
          break;
        case METHODID_LIST_RATINGS:
          serviceImpl.listRatings((tw.jipan.market.v1.ListRatingsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListRatingsResponse>) responseObserver);
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

  private static abstract class RatingServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    RatingServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.market.v1.RatingServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("RatingService");
    }
  }

  private static final class RatingServiceFileDescriptorSupplier
      extends RatingServiceBaseDescriptorSupplier {
    RatingServiceFileDescriptorSupplier() {}
  }

  private static final class RatingServiceMethodDescriptorSupplier
      extends RatingServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    RatingServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (RatingServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new RatingServiceFileDescriptorSupplier())
              .addMethod(getCreateRatingMethod())
              .addMethod(getListRatingsMethod())
              .build();
        }
      }
    }
    return result;
  }
}
