package tw.jipan.cloud.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Residency-aware placement over the caller's organisation's catalog,
 * solved exactly as a mixed-integer programme (HiGHS).
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/cloud/v1/placement_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class PlacementServiceGrpc {

  private PlacementServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.cloud.v1.PlacementService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.cloud.v1.PlanPlacementRequest,
      tw.jipan.cloud.v1.PlanPlacementResponse> getPlanPlacementMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "PlanPlacement",
      requestType = tw.jipan.cloud.v1.PlanPlacementRequest.class,
      responseType = tw.jipan.cloud.v1.PlanPlacementResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.cloud.v1.PlanPlacementRequest,
      tw.jipan.cloud.v1.PlanPlacementResponse> getPlanPlacementMethod() {
    io.grpc.MethodDescriptor<tw.jipan.cloud.v1.PlanPlacementRequest, tw.jipan.cloud.v1.PlanPlacementResponse> getPlanPlacementMethod;
    if ((getPlanPlacementMethod = PlacementServiceGrpc.getPlanPlacementMethod) == null) {
      synchronized (PlacementServiceGrpc.class) {
        if ((getPlanPlacementMethod = PlacementServiceGrpc.getPlanPlacementMethod) == null) {
          PlacementServiceGrpc.getPlanPlacementMethod = getPlanPlacementMethod =
              io.grpc.MethodDescriptor.<tw.jipan.cloud.v1.PlanPlacementRequest, tw.jipan.cloud.v1.PlanPlacementResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "PlanPlacement"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.PlanPlacementRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.PlanPlacementResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PlacementServiceMethodDescriptorSupplier("PlanPlacement"))
              .build();
        }
      }
    }
    return getPlanPlacementMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ListPlacementExclusionsRequest,
      tw.jipan.cloud.v1.ListPlacementExclusionsResponse> getListPlacementExclusionsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListPlacementExclusions",
      requestType = tw.jipan.cloud.v1.ListPlacementExclusionsRequest.class,
      responseType = tw.jipan.cloud.v1.ListPlacementExclusionsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ListPlacementExclusionsRequest,
      tw.jipan.cloud.v1.ListPlacementExclusionsResponse> getListPlacementExclusionsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ListPlacementExclusionsRequest, tw.jipan.cloud.v1.ListPlacementExclusionsResponse> getListPlacementExclusionsMethod;
    if ((getListPlacementExclusionsMethod = PlacementServiceGrpc.getListPlacementExclusionsMethod) == null) {
      synchronized (PlacementServiceGrpc.class) {
        if ((getListPlacementExclusionsMethod = PlacementServiceGrpc.getListPlacementExclusionsMethod) == null) {
          PlacementServiceGrpc.getListPlacementExclusionsMethod = getListPlacementExclusionsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.cloud.v1.ListPlacementExclusionsRequest, tw.jipan.cloud.v1.ListPlacementExclusionsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListPlacementExclusions"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.ListPlacementExclusionsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.ListPlacementExclusionsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PlacementServiceMethodDescriptorSupplier("ListPlacementExclusions"))
              .build();
        }
      }
    }
    return getListPlacementExclusionsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.cloud.v1.GetPlacementRequest,
      tw.jipan.cloud.v1.GetPlacementResponse> getGetPlacementMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetPlacement",
      requestType = tw.jipan.cloud.v1.GetPlacementRequest.class,
      responseType = tw.jipan.cloud.v1.GetPlacementResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.cloud.v1.GetPlacementRequest,
      tw.jipan.cloud.v1.GetPlacementResponse> getGetPlacementMethod() {
    io.grpc.MethodDescriptor<tw.jipan.cloud.v1.GetPlacementRequest, tw.jipan.cloud.v1.GetPlacementResponse> getGetPlacementMethod;
    if ((getGetPlacementMethod = PlacementServiceGrpc.getGetPlacementMethod) == null) {
      synchronized (PlacementServiceGrpc.class) {
        if ((getGetPlacementMethod = PlacementServiceGrpc.getGetPlacementMethod) == null) {
          PlacementServiceGrpc.getGetPlacementMethod = getGetPlacementMethod =
              io.grpc.MethodDescriptor.<tw.jipan.cloud.v1.GetPlacementRequest, tw.jipan.cloud.v1.GetPlacementResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetPlacement"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.GetPlacementRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.GetPlacementResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PlacementServiceMethodDescriptorSupplier("GetPlacement"))
              .build();
        }
      }
    }
    return getGetPlacementMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static PlacementServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<PlacementServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<PlacementServiceStub>() {
        @java.lang.Override
        public PlacementServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new PlacementServiceStub(channel, callOptions);
        }
      };
    return PlacementServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static PlacementServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<PlacementServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<PlacementServiceBlockingStub>() {
        @java.lang.Override
        public PlacementServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new PlacementServiceBlockingStub(channel, callOptions);
        }
      };
    return PlacementServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static PlacementServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<PlacementServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<PlacementServiceFutureStub>() {
        @java.lang.Override
        public PlacementServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new PlacementServiceFutureStub(channel, callOptions);
        }
      };
    return PlacementServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Residency-aware placement over the caller's organisation's catalog,
   * solved exactly as a mixed-integer programme (HiGHS).
   * </pre>
   */
  public static abstract class PlacementServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Places every workload on one instance offering so that the monthly
     * cost (compute for 730 hours, storage, internet egress and traffic
     * between workloads in different regions) is least, within residency,
     * certifications, latency regions, providers, budgets and spread groups.
     * Returns up to `max_plans` plans, cheapest first, each proved optimal
     * among the plans not ranked before it, and every offering left out of a
     * workload with the reason (counted here, listed one by one by
     * ListPlacementExclusions). No plan: FAILED_PRECONDITION
     * PLACEMENT_INFEASIBLE naming the binding constraints.
     * </pre>
     */
    public void planPlacement(tw.jipan.cloud.v1.PlanPlacementRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.PlanPlacementResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getPlanPlacementMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the offerings left out of a placement's workloads, each with its
     * reason, in workload order then offering name.
     * </pre>
     */
    public void listPlacementExclusions(tw.jipan.cloud.v1.ListPlacementExclusionsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ListPlacementExclusionsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListPlacementExclusionsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one placement with its plans.
     * </pre>
     */
    public void getPlacement(tw.jipan.cloud.v1.GetPlacementRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.GetPlacementResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetPlacementMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getPlanPlacementMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.cloud.v1.PlanPlacementRequest,
                tw.jipan.cloud.v1.PlanPlacementResponse>(
                  this, METHODID_PLAN_PLACEMENT)))
          .addMethod(
            getListPlacementExclusionsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.cloud.v1.ListPlacementExclusionsRequest,
                tw.jipan.cloud.v1.ListPlacementExclusionsResponse>(
                  this, METHODID_LIST_PLACEMENT_EXCLUSIONS)))
          .addMethod(
            getGetPlacementMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.cloud.v1.GetPlacementRequest,
                tw.jipan.cloud.v1.GetPlacementResponse>(
                  this, METHODID_GET_PLACEMENT)))
          .build();
    }
  }

  /**
   * <pre>
   * Residency-aware placement over the caller's organisation's catalog,
   * solved exactly as a mixed-integer programme (HiGHS).
   * </pre>
   */
  public static final class PlacementServiceStub extends io.grpc.stub.AbstractAsyncStub<PlacementServiceStub> {
    private PlacementServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected PlacementServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new PlacementServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Places every workload on one instance offering so that the monthly
     * cost (compute for 730 hours, storage, internet egress and traffic
     * between workloads in different regions) is least, within residency,
     * certifications, latency regions, providers, budgets and spread groups.
     * Returns up to `max_plans` plans, cheapest first, each proved optimal
     * among the plans not ranked before it, and every offering left out of a
     * workload with the reason (counted here, listed one by one by
     * ListPlacementExclusions). No plan: FAILED_PRECONDITION
     * PLACEMENT_INFEASIBLE naming the binding constraints.
     * </pre>
     */
    public void planPlacement(tw.jipan.cloud.v1.PlanPlacementRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.PlanPlacementResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getPlanPlacementMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the offerings left out of a placement's workloads, each with its
     * reason, in workload order then offering name.
     * </pre>
     */
    public void listPlacementExclusions(tw.jipan.cloud.v1.ListPlacementExclusionsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ListPlacementExclusionsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListPlacementExclusionsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one placement with its plans.
     * </pre>
     */
    public void getPlacement(tw.jipan.cloud.v1.GetPlacementRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.GetPlacementResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetPlacementMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * Residency-aware placement over the caller's organisation's catalog,
   * solved exactly as a mixed-integer programme (HiGHS).
   * </pre>
   */
  public static final class PlacementServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<PlacementServiceBlockingStub> {
    private PlacementServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected PlacementServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new PlacementServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Places every workload on one instance offering so that the monthly
     * cost (compute for 730 hours, storage, internet egress and traffic
     * between workloads in different regions) is least, within residency,
     * certifications, latency regions, providers, budgets and spread groups.
     * Returns up to `max_plans` plans, cheapest first, each proved optimal
     * among the plans not ranked before it, and every offering left out of a
     * workload with the reason (counted here, listed one by one by
     * ListPlacementExclusions). No plan: FAILED_PRECONDITION
     * PLACEMENT_INFEASIBLE naming the binding constraints.
     * </pre>
     */
    public tw.jipan.cloud.v1.PlanPlacementResponse planPlacement(tw.jipan.cloud.v1.PlanPlacementRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getPlanPlacementMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the offerings left out of a placement's workloads, each with its
     * reason, in workload order then offering name.
     * </pre>
     */
    public tw.jipan.cloud.v1.ListPlacementExclusionsResponse listPlacementExclusions(tw.jipan.cloud.v1.ListPlacementExclusionsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListPlacementExclusionsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one placement with its plans.
     * </pre>
     */
    public tw.jipan.cloud.v1.GetPlacementResponse getPlacement(tw.jipan.cloud.v1.GetPlacementRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetPlacementMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * Residency-aware placement over the caller's organisation's catalog,
   * solved exactly as a mixed-integer programme (HiGHS).
   * </pre>
   */
  public static final class PlacementServiceFutureStub extends io.grpc.stub.AbstractFutureStub<PlacementServiceFutureStub> {
    private PlacementServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected PlacementServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new PlacementServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Places every workload on one instance offering so that the monthly
     * cost (compute for 730 hours, storage, internet egress and traffic
     * between workloads in different regions) is least, within residency,
     * certifications, latency regions, providers, budgets and spread groups.
     * Returns up to `max_plans` plans, cheapest first, each proved optimal
     * among the plans not ranked before it, and every offering left out of a
     * workload with the reason (counted here, listed one by one by
     * ListPlacementExclusions). No plan: FAILED_PRECONDITION
     * PLACEMENT_INFEASIBLE naming the binding constraints.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.cloud.v1.PlanPlacementResponse> planPlacement(
        tw.jipan.cloud.v1.PlanPlacementRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getPlanPlacementMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the offerings left out of a placement's workloads, each with its
     * reason, in workload order then offering name.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.cloud.v1.ListPlacementExclusionsResponse> listPlacementExclusions(
        tw.jipan.cloud.v1.ListPlacementExclusionsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListPlacementExclusionsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one placement with its plans.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.cloud.v1.GetPlacementResponse> getPlacement(
        tw.jipan.cloud.v1.GetPlacementRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetPlacementMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_PLAN_PLACEMENT = 0;
  private static final int METHODID_LIST_PLACEMENT_EXCLUSIONS = 1;
  private static final int METHODID_GET_PLACEMENT = 2;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final PlacementServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(PlacementServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_PLAN_PLACEMENT:
          serviceImpl.planPlacement((tw.jipan.cloud.v1.PlanPlacementRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.PlanPlacementResponse>) responseObserver);
          break;
        case METHODID_LIST_PLACEMENT_EXCLUSIONS:
          serviceImpl.listPlacementExclusions((tw.jipan.cloud.v1.ListPlacementExclusionsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ListPlacementExclusionsResponse>) responseObserver);
          break;
        case METHODID_GET_PLACEMENT:
          serviceImpl.getPlacement((tw.jipan.cloud.v1.GetPlacementRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.GetPlacementResponse>) responseObserver);
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

  private static abstract class PlacementServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    PlacementServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.cloud.v1.PlacementServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("PlacementService");
    }
  }

  private static final class PlacementServiceFileDescriptorSupplier
      extends PlacementServiceBaseDescriptorSupplier {
    PlacementServiceFileDescriptorSupplier() {}
  }

  private static final class PlacementServiceMethodDescriptorSupplier
      extends PlacementServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    PlacementServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (PlacementServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new PlacementServiceFileDescriptorSupplier())
              .addMethod(getPlanPlacementMethod())
              .addMethod(getListPlacementExclusionsMethod())
              .addMethod(getGetPlacementMethod())
              .build();
        }
      }
    }
    return result;
  }
}
