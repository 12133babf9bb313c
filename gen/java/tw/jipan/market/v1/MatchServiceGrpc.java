package tw.jipan.market.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Matching: an agency describes a need in Chinese or English with constraints,
 * and gets ranked projects and the providers that support them, with the
 * reasons for each rank (text match, satisfied constraints, project health,
 * verified ratings, publisher).
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/market/v1/match_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class MatchServiceGrpc {

  private MatchServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.market.v1.MatchService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.MatchNeedRequest,
      tw.jipan.market.v1.MatchNeedResponse> getMatchNeedMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "MatchNeed",
      requestType = tw.jipan.market.v1.MatchNeedRequest.class,
      responseType = tw.jipan.market.v1.MatchNeedResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.MatchNeedRequest,
      tw.jipan.market.v1.MatchNeedResponse> getMatchNeedMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.MatchNeedRequest, tw.jipan.market.v1.MatchNeedResponse> getMatchNeedMethod;
    if ((getMatchNeedMethod = MatchServiceGrpc.getMatchNeedMethod) == null) {
      synchronized (MatchServiceGrpc.class) {
        if ((getMatchNeedMethod = MatchServiceGrpc.getMatchNeedMethod) == null) {
          MatchServiceGrpc.getMatchNeedMethod = getMatchNeedMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.MatchNeedRequest, tw.jipan.market.v1.MatchNeedResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "MatchNeed"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.MatchNeedRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.MatchNeedResponse.getDefaultInstance()))
              .setSchemaDescriptor(new MatchServiceMethodDescriptorSupplier("MatchNeed"))
              .build();
        }
      }
    }
    return getMatchNeedMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static MatchServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<MatchServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<MatchServiceStub>() {
        @java.lang.Override
        public MatchServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new MatchServiceStub(channel, callOptions);
        }
      };
    return MatchServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static MatchServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<MatchServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<MatchServiceBlockingStub>() {
        @java.lang.Override
        public MatchServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new MatchServiceBlockingStub(channel, callOptions);
        }
      };
    return MatchServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static MatchServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<MatchServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<MatchServiceFutureStub>() {
        @java.lang.Override
        public MatchServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new MatchServiceFutureStub(channel, callOptions);
        }
      };
    return MatchServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Matching: an agency describes a need in Chinese or English with constraints,
   * and gets ranked projects and the providers that support them, with the
   * reasons for each rank (text match, satisfied constraints, project health,
   * verified ratings, publisher).
   * </pre>
   */
  public static abstract class MatchServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Ranks projects and offers for a need. Candidates failing a hard constraint
     * (licence family, on premises, certifications, budget, region, offer kind)
     * are left out; the rest are ranked by text match, health, ratings and
     * publisher.
     * </pre>
     */
    public void matchNeed(tw.jipan.market.v1.MatchNeedRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.MatchNeedResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getMatchNeedMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getMatchNeedMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.MatchNeedRequest,
                tw.jipan.market.v1.MatchNeedResponse>(
                  this, METHODID_MATCH_NEED)))
          .build();
    }
  }

  /**
   * <pre>
   * Matching: an agency describes a need in Chinese or English with constraints,
   * and gets ranked projects and the providers that support them, with the
   * reasons for each rank (text match, satisfied constraints, project health,
   * verified ratings, publisher).
   * </pre>
   */
  public static final class MatchServiceStub extends io.grpc.stub.AbstractAsyncStub<MatchServiceStub> {
    private MatchServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected MatchServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new MatchServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Ranks projects and offers for a need. Candidates failing a hard constraint
     * (licence family, on premises, certifications, budget, region, offer kind)
     * are left out; the rest are ranked by text match, health, ratings and
     * publisher.
     * </pre>
     */
    public void matchNeed(tw.jipan.market.v1.MatchNeedRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.MatchNeedResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getMatchNeedMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * Matching: an agency describes a need in Chinese or English with constraints,
   * and gets ranked projects and the providers that support them, with the
   * reasons for each rank (text match, satisfied constraints, project health,
   * verified ratings, publisher).
   * </pre>
   */
  public static final class MatchServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<MatchServiceBlockingStub> {
    private MatchServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected MatchServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new MatchServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Ranks projects and offers for a need. Candidates failing a hard constraint
     * (licence family, on premises, certifications, budget, region, offer kind)
     * are left out; the rest are ranked by text match, health, ratings and
     * publisher.
     * </pre>
     */
    public tw.jipan.market.v1.MatchNeedResponse matchNeed(tw.jipan.market.v1.MatchNeedRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getMatchNeedMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * Matching: an agency describes a need in Chinese or English with constraints,
   * and gets ranked projects and the providers that support them, with the
   * reasons for each rank (text match, satisfied constraints, project health,
   * verified ratings, publisher).
   * </pre>
   */
  public static final class MatchServiceFutureStub extends io.grpc.stub.AbstractFutureStub<MatchServiceFutureStub> {
    private MatchServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected MatchServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new MatchServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Ranks projects and offers for a need. Candidates failing a hard constraint
     * (licence family, on premises, certifications, budget, region, offer kind)
     * are left out; the rest are ranked by text match, health, ratings and
     * publisher.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.MatchNeedResponse> matchNeed(
        tw.jipan.market.v1.MatchNeedRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getMatchNeedMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_MATCH_NEED = 0;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final MatchServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(MatchServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_MATCH_NEED:
          serviceImpl.matchNeed((tw.jipan.market.v1.MatchNeedRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.MatchNeedResponse>) responseObserver);
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

  private static abstract class MatchServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    MatchServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.market.v1.MatchServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("MatchService");
    }
  }

  private static final class MatchServiceFileDescriptorSupplier
      extends MatchServiceBaseDescriptorSupplier {
    MatchServiceFileDescriptorSupplier() {}
  }

  private static final class MatchServiceMethodDescriptorSupplier
      extends MatchServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    MatchServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (MatchServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new MatchServiceFileDescriptorSupplier())
              .addMethod(getMatchNeedMethod())
              .build();
        }
      }
    }
    return result;
  }
}
