package tw.jipan.market.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * One-click trials: a project's publisher or a provider publishes a trial
 * template; an agency starts a trial, provisioned through the cloud broker
 * with a TTL, and it is torn down at expiry or on request.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/market/v1/trial_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class TrialServiceGrpc {

  private TrialServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.market.v1.TrialService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateTrialTemplateRequest,
      tw.jipan.market.v1.CreateTrialTemplateResponse> getCreateTrialTemplateMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateTrialTemplate",
      requestType = tw.jipan.market.v1.CreateTrialTemplateRequest.class,
      responseType = tw.jipan.market.v1.CreateTrialTemplateResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateTrialTemplateRequest,
      tw.jipan.market.v1.CreateTrialTemplateResponse> getCreateTrialTemplateMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateTrialTemplateRequest, tw.jipan.market.v1.CreateTrialTemplateResponse> getCreateTrialTemplateMethod;
    if ((getCreateTrialTemplateMethod = TrialServiceGrpc.getCreateTrialTemplateMethod) == null) {
      synchronized (TrialServiceGrpc.class) {
        if ((getCreateTrialTemplateMethod = TrialServiceGrpc.getCreateTrialTemplateMethod) == null) {
          TrialServiceGrpc.getCreateTrialTemplateMethod = getCreateTrialTemplateMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.CreateTrialTemplateRequest, tw.jipan.market.v1.CreateTrialTemplateResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateTrialTemplate"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.CreateTrialTemplateRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.CreateTrialTemplateResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TrialServiceMethodDescriptorSupplier("CreateTrialTemplate"))
              .build();
        }
      }
    }
    return getCreateTrialTemplateMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.ListTrialTemplatesRequest,
      tw.jipan.market.v1.ListTrialTemplatesResponse> getListTrialTemplatesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListTrialTemplates",
      requestType = tw.jipan.market.v1.ListTrialTemplatesRequest.class,
      responseType = tw.jipan.market.v1.ListTrialTemplatesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.ListTrialTemplatesRequest,
      tw.jipan.market.v1.ListTrialTemplatesResponse> getListTrialTemplatesMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.ListTrialTemplatesRequest, tw.jipan.market.v1.ListTrialTemplatesResponse> getListTrialTemplatesMethod;
    if ((getListTrialTemplatesMethod = TrialServiceGrpc.getListTrialTemplatesMethod) == null) {
      synchronized (TrialServiceGrpc.class) {
        if ((getListTrialTemplatesMethod = TrialServiceGrpc.getListTrialTemplatesMethod) == null) {
          TrialServiceGrpc.getListTrialTemplatesMethod = getListTrialTemplatesMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.ListTrialTemplatesRequest, tw.jipan.market.v1.ListTrialTemplatesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListTrialTemplates"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListTrialTemplatesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListTrialTemplatesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TrialServiceMethodDescriptorSupplier("ListTrialTemplates"))
              .build();
        }
      }
    }
    return getListTrialTemplatesMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.StartTrialRequest,
      tw.jipan.market.v1.StartTrialResponse> getStartTrialMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "StartTrial",
      requestType = tw.jipan.market.v1.StartTrialRequest.class,
      responseType = tw.jipan.market.v1.StartTrialResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.StartTrialRequest,
      tw.jipan.market.v1.StartTrialResponse> getStartTrialMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.StartTrialRequest, tw.jipan.market.v1.StartTrialResponse> getStartTrialMethod;
    if ((getStartTrialMethod = TrialServiceGrpc.getStartTrialMethod) == null) {
      synchronized (TrialServiceGrpc.class) {
        if ((getStartTrialMethod = TrialServiceGrpc.getStartTrialMethod) == null) {
          TrialServiceGrpc.getStartTrialMethod = getStartTrialMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.StartTrialRequest, tw.jipan.market.v1.StartTrialResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "StartTrial"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.StartTrialRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.StartTrialResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TrialServiceMethodDescriptorSupplier("StartTrial"))
              .build();
        }
      }
    }
    return getStartTrialMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.GetTrialRequest,
      tw.jipan.market.v1.GetTrialResponse> getGetTrialMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetTrial",
      requestType = tw.jipan.market.v1.GetTrialRequest.class,
      responseType = tw.jipan.market.v1.GetTrialResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.GetTrialRequest,
      tw.jipan.market.v1.GetTrialResponse> getGetTrialMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.GetTrialRequest, tw.jipan.market.v1.GetTrialResponse> getGetTrialMethod;
    if ((getGetTrialMethod = TrialServiceGrpc.getGetTrialMethod) == null) {
      synchronized (TrialServiceGrpc.class) {
        if ((getGetTrialMethod = TrialServiceGrpc.getGetTrialMethod) == null) {
          TrialServiceGrpc.getGetTrialMethod = getGetTrialMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.GetTrialRequest, tw.jipan.market.v1.GetTrialResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetTrial"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.GetTrialRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.GetTrialResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TrialServiceMethodDescriptorSupplier("GetTrial"))
              .build();
        }
      }
    }
    return getGetTrialMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.ListTrialsRequest,
      tw.jipan.market.v1.ListTrialsResponse> getListTrialsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListTrials",
      requestType = tw.jipan.market.v1.ListTrialsRequest.class,
      responseType = tw.jipan.market.v1.ListTrialsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.ListTrialsRequest,
      tw.jipan.market.v1.ListTrialsResponse> getListTrialsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.ListTrialsRequest, tw.jipan.market.v1.ListTrialsResponse> getListTrialsMethod;
    if ((getListTrialsMethod = TrialServiceGrpc.getListTrialsMethod) == null) {
      synchronized (TrialServiceGrpc.class) {
        if ((getListTrialsMethod = TrialServiceGrpc.getListTrialsMethod) == null) {
          TrialServiceGrpc.getListTrialsMethod = getListTrialsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.ListTrialsRequest, tw.jipan.market.v1.ListTrialsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListTrials"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListTrialsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListTrialsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TrialServiceMethodDescriptorSupplier("ListTrials"))
              .build();
        }
      }
    }
    return getListTrialsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.EndTrialRequest,
      tw.jipan.market.v1.EndTrialResponse> getEndTrialMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "EndTrial",
      requestType = tw.jipan.market.v1.EndTrialRequest.class,
      responseType = tw.jipan.market.v1.EndTrialResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.EndTrialRequest,
      tw.jipan.market.v1.EndTrialResponse> getEndTrialMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.EndTrialRequest, tw.jipan.market.v1.EndTrialResponse> getEndTrialMethod;
    if ((getEndTrialMethod = TrialServiceGrpc.getEndTrialMethod) == null) {
      synchronized (TrialServiceGrpc.class) {
        if ((getEndTrialMethod = TrialServiceGrpc.getEndTrialMethod) == null) {
          TrialServiceGrpc.getEndTrialMethod = getEndTrialMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.EndTrialRequest, tw.jipan.market.v1.EndTrialResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "EndTrial"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.EndTrialRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.EndTrialResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TrialServiceMethodDescriptorSupplier("EndTrial"))
              .build();
        }
      }
    }
    return getEndTrialMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static TrialServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<TrialServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<TrialServiceStub>() {
        @java.lang.Override
        public TrialServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new TrialServiceStub(channel, callOptions);
        }
      };
    return TrialServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static TrialServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<TrialServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<TrialServiceBlockingStub>() {
        @java.lang.Override
        public TrialServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new TrialServiceBlockingStub(channel, callOptions);
        }
      };
    return TrialServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static TrialServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<TrialServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<TrialServiceFutureStub>() {
        @java.lang.Override
        public TrialServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new TrialServiceFutureStub(channel, callOptions);
        }
      };
    return TrialServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * One-click trials: a project's publisher or a provider publishes a trial
   * template; an agency starts a trial, provisioned through the cloud broker
   * with a TTL, and it is torn down at expiry or on request.
   * </pre>
   */
  public static abstract class TrialServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Publishes a trial template for a project (its verified publisher or a
     * provider with an offer for it).
     * </pre>
     */
    public void createTrialTemplate(tw.jipan.market.v1.CreateTrialTemplateRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateTrialTemplateResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateTrialTemplateMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists a project's trial templates.
     * </pre>
     */
    public void listTrialTemplates(tw.jipan.market.v1.ListTrialTemplatesRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListTrialTemplatesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListTrialTemplatesMethod(), responseObserver);
    }

    /**
     * <pre>
     * Starts a trial for the caller's organisation; returns it PROVISIONING.
     * </pre>
     */
    public void startTrial(tw.jipan.market.v1.StartTrialRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.StartTrialResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getStartTrialMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one of the caller's organisation's trials with its state and
     * endpoint.
     * </pre>
     */
    public void getTrial(tw.jipan.market.v1.GetTrialRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.GetTrialResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetTrialMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the caller's organisation's trials, newest first.
     * </pre>
     */
    public void listTrials(tw.jipan.market.v1.ListTrialsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListTrialsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListTrialsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Tears a trial down now.
     * </pre>
     */
    public void endTrial(tw.jipan.market.v1.EndTrialRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.EndTrialResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getEndTrialMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getCreateTrialTemplateMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.CreateTrialTemplateRequest,
                tw.jipan.market.v1.CreateTrialTemplateResponse>(
                  this, METHODID_CREATE_TRIAL_TEMPLATE)))
          .addMethod(
            getListTrialTemplatesMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.ListTrialTemplatesRequest,
                tw.jipan.market.v1.ListTrialTemplatesResponse>(
                  this, METHODID_LIST_TRIAL_TEMPLATES)))
          .addMethod(
            getStartTrialMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.StartTrialRequest,
                tw.jipan.market.v1.StartTrialResponse>(
                  this, METHODID_START_TRIAL)))
          .addMethod(
            getGetTrialMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.GetTrialRequest,
                tw.jipan.market.v1.GetTrialResponse>(
                  this, METHODID_GET_TRIAL)))
          .addMethod(
            getListTrialsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.ListTrialsRequest,
                tw.jipan.market.v1.ListTrialsResponse>(
                  this, METHODID_LIST_TRIALS)))
          .addMethod(
            getEndTrialMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.EndTrialRequest,
                tw.jipan.market.v1.EndTrialResponse>(
                  this, METHODID_END_TRIAL)))
          .build();
    }
  }

  /**
   * <pre>
   * One-click trials: a project's publisher or a provider publishes a trial
   * template; an agency starts a trial, provisioned through the cloud broker
   * with a TTL, and it is torn down at expiry or on request.
   * </pre>
   */
  public static final class TrialServiceStub extends io.grpc.stub.AbstractAsyncStub<TrialServiceStub> {
    private TrialServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected TrialServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new TrialServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Publishes a trial template for a project (its verified publisher or a
     * provider with an offer for it).
     * </pre>
     */
    public void createTrialTemplate(tw.jipan.market.v1.CreateTrialTemplateRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateTrialTemplateResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateTrialTemplateMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists a project's trial templates.
     * </pre>
     */
    public void listTrialTemplates(tw.jipan.market.v1.ListTrialTemplatesRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListTrialTemplatesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListTrialTemplatesMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Starts a trial for the caller's organisation; returns it PROVISIONING.
     * </pre>
     */
    public void startTrial(tw.jipan.market.v1.StartTrialRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.StartTrialResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getStartTrialMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one of the caller's organisation's trials with its state and
     * endpoint.
     * </pre>
     */
    public void getTrial(tw.jipan.market.v1.GetTrialRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.GetTrialResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetTrialMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the caller's organisation's trials, newest first.
     * </pre>
     */
    public void listTrials(tw.jipan.market.v1.ListTrialsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListTrialsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListTrialsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Tears a trial down now.
     * </pre>
     */
    public void endTrial(tw.jipan.market.v1.EndTrialRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.EndTrialResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getEndTrialMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * One-click trials: a project's publisher or a provider publishes a trial
   * template; an agency starts a trial, provisioned through the cloud broker
   * with a TTL, and it is torn down at expiry or on request.
   * </pre>
   */
  public static final class TrialServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<TrialServiceBlockingStub> {
    private TrialServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected TrialServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new TrialServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Publishes a trial template for a project (its verified publisher or a
     * provider with an offer for it).
     * </pre>
     */
    public tw.jipan.market.v1.CreateTrialTemplateResponse createTrialTemplate(tw.jipan.market.v1.CreateTrialTemplateRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateTrialTemplateMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists a project's trial templates.
     * </pre>
     */
    public tw.jipan.market.v1.ListTrialTemplatesResponse listTrialTemplates(tw.jipan.market.v1.ListTrialTemplatesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListTrialTemplatesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Starts a trial for the caller's organisation; returns it PROVISIONING.
     * </pre>
     */
    public tw.jipan.market.v1.StartTrialResponse startTrial(tw.jipan.market.v1.StartTrialRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getStartTrialMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one of the caller's organisation's trials with its state and
     * endpoint.
     * </pre>
     */
    public tw.jipan.market.v1.GetTrialResponse getTrial(tw.jipan.market.v1.GetTrialRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetTrialMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the caller's organisation's trials, newest first.
     * </pre>
     */
    public tw.jipan.market.v1.ListTrialsResponse listTrials(tw.jipan.market.v1.ListTrialsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListTrialsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Tears a trial down now.
     * </pre>
     */
    public tw.jipan.market.v1.EndTrialResponse endTrial(tw.jipan.market.v1.EndTrialRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getEndTrialMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * One-click trials: a project's publisher or a provider publishes a trial
   * template; an agency starts a trial, provisioned through the cloud broker
   * with a TTL, and it is torn down at expiry or on request.
   * </pre>
   */
  public static final class TrialServiceFutureStub extends io.grpc.stub.AbstractFutureStub<TrialServiceFutureStub> {
    private TrialServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected TrialServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new TrialServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Publishes a trial template for a project (its verified publisher or a
     * provider with an offer for it).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.CreateTrialTemplateResponse> createTrialTemplate(
        tw.jipan.market.v1.CreateTrialTemplateRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateTrialTemplateMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists a project's trial templates.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.ListTrialTemplatesResponse> listTrialTemplates(
        tw.jipan.market.v1.ListTrialTemplatesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListTrialTemplatesMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Starts a trial for the caller's organisation; returns it PROVISIONING.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.StartTrialResponse> startTrial(
        tw.jipan.market.v1.StartTrialRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getStartTrialMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one of the caller's organisation's trials with its state and
     * endpoint.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.GetTrialResponse> getTrial(
        tw.jipan.market.v1.GetTrialRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetTrialMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the caller's organisation's trials, newest first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.ListTrialsResponse> listTrials(
        tw.jipan.market.v1.ListTrialsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListTrialsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Tears a trial down now.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.EndTrialResponse> endTrial(
        tw.jipan.market.v1.EndTrialRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getEndTrialMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_TRIAL_TEMPLATE = 0;
  private static final int METHODID_LIST_TRIAL_TEMPLATES = 1;
  private static final int METHODID_START_TRIAL = 2;
  private static final int METHODID_GET_TRIAL = 3;
  private static final int METHODID_LIST_TRIALS = 4;
  private static final int METHODID_END_TRIAL = 5;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final TrialServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(TrialServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_CREATE_TRIAL_TEMPLATE:
          serviceImpl.createTrialTemplate((tw.jipan.market.v1.CreateTrialTemplateRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateTrialTemplateResponse>) responseObserver);
          break;
        case METHODID_LIST_TRIAL_TEMPLATES:
          serviceImpl.listTrialTemplates((tw.jipan.market.v1.ListTrialTemplatesRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListTrialTemplatesResponse>) responseObserver);
          break;
        case METHODID_START_TRIAL:
          serviceImpl.startTrial((tw.jipan.market.v1.StartTrialRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.StartTrialResponse>) responseObserver);
          break;
        case METHODID_GET_TRIAL:
          serviceImpl.getTrial((tw.jipan.market.v1.GetTrialRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.GetTrialResponse>) responseObserver);
          break;
        case METHODID_LIST_TRIALS:
          serviceImpl.listTrials((tw.jipan.market.v1.ListTrialsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListTrialsResponse>) responseObserver);
          break;
        case METHODID_END_TRIAL:
          serviceImpl.endTrial((tw.jipan.market.v1.EndTrialRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.EndTrialResponse>) responseObserver);
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

  private static abstract class TrialServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    TrialServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.market.v1.TrialServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("TrialService");
    }
  }

  private static final class TrialServiceFileDescriptorSupplier
      extends TrialServiceBaseDescriptorSupplier {
    TrialServiceFileDescriptorSupplier() {}
  }

  private static final class TrialServiceMethodDescriptorSupplier
      extends TrialServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    TrialServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (TrialServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new TrialServiceFileDescriptorSupplier())
              .addMethod(getCreateTrialTemplateMethod())
              .addMethod(getListTrialTemplatesMethod())
              .addMethod(getStartTrialMethod())
              .addMethod(getGetTrialMethod())
              .addMethod(getListTrialsMethod())
              .addMethod(getEndTrialMethod())
              .build();
        }
      }
    }
    return result;
  }
}
