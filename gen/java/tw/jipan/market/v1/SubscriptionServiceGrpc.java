package tw.jipan.market.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Subscriptions: an organisation follows projects for new versions, new
 * advisories and answers, and gets notifications (listed, or streamed as they
 * come) and, if it gives a webhook, HMAC-signed deliveries retried with
 * exponential backoff, each attempt in a delivery log.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/market/v1/subscription_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class SubscriptionServiceGrpc {

  private SubscriptionServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.market.v1.SubscriptionService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateSubscriptionRequest,
      tw.jipan.market.v1.CreateSubscriptionResponse> getCreateSubscriptionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateSubscription",
      requestType = tw.jipan.market.v1.CreateSubscriptionRequest.class,
      responseType = tw.jipan.market.v1.CreateSubscriptionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateSubscriptionRequest,
      tw.jipan.market.v1.CreateSubscriptionResponse> getCreateSubscriptionMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateSubscriptionRequest, tw.jipan.market.v1.CreateSubscriptionResponse> getCreateSubscriptionMethod;
    if ((getCreateSubscriptionMethod = SubscriptionServiceGrpc.getCreateSubscriptionMethod) == null) {
      synchronized (SubscriptionServiceGrpc.class) {
        if ((getCreateSubscriptionMethod = SubscriptionServiceGrpc.getCreateSubscriptionMethod) == null) {
          SubscriptionServiceGrpc.getCreateSubscriptionMethod = getCreateSubscriptionMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.CreateSubscriptionRequest, tw.jipan.market.v1.CreateSubscriptionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateSubscription"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.CreateSubscriptionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.CreateSubscriptionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SubscriptionServiceMethodDescriptorSupplier("CreateSubscription"))
              .build();
        }
      }
    }
    return getCreateSubscriptionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.ListSubscriptionsRequest,
      tw.jipan.market.v1.ListSubscriptionsResponse> getListSubscriptionsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListSubscriptions",
      requestType = tw.jipan.market.v1.ListSubscriptionsRequest.class,
      responseType = tw.jipan.market.v1.ListSubscriptionsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.ListSubscriptionsRequest,
      tw.jipan.market.v1.ListSubscriptionsResponse> getListSubscriptionsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.ListSubscriptionsRequest, tw.jipan.market.v1.ListSubscriptionsResponse> getListSubscriptionsMethod;
    if ((getListSubscriptionsMethod = SubscriptionServiceGrpc.getListSubscriptionsMethod) == null) {
      synchronized (SubscriptionServiceGrpc.class) {
        if ((getListSubscriptionsMethod = SubscriptionServiceGrpc.getListSubscriptionsMethod) == null) {
          SubscriptionServiceGrpc.getListSubscriptionsMethod = getListSubscriptionsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.ListSubscriptionsRequest, tw.jipan.market.v1.ListSubscriptionsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListSubscriptions"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListSubscriptionsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListSubscriptionsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SubscriptionServiceMethodDescriptorSupplier("ListSubscriptions"))
              .build();
        }
      }
    }
    return getListSubscriptionsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.DeleteSubscriptionRequest,
      tw.jipan.market.v1.DeleteSubscriptionResponse> getDeleteSubscriptionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteSubscription",
      requestType = tw.jipan.market.v1.DeleteSubscriptionRequest.class,
      responseType = tw.jipan.market.v1.DeleteSubscriptionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.DeleteSubscriptionRequest,
      tw.jipan.market.v1.DeleteSubscriptionResponse> getDeleteSubscriptionMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.DeleteSubscriptionRequest, tw.jipan.market.v1.DeleteSubscriptionResponse> getDeleteSubscriptionMethod;
    if ((getDeleteSubscriptionMethod = SubscriptionServiceGrpc.getDeleteSubscriptionMethod) == null) {
      synchronized (SubscriptionServiceGrpc.class) {
        if ((getDeleteSubscriptionMethod = SubscriptionServiceGrpc.getDeleteSubscriptionMethod) == null) {
          SubscriptionServiceGrpc.getDeleteSubscriptionMethod = getDeleteSubscriptionMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.DeleteSubscriptionRequest, tw.jipan.market.v1.DeleteSubscriptionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteSubscription"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.DeleteSubscriptionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.DeleteSubscriptionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SubscriptionServiceMethodDescriptorSupplier("DeleteSubscription"))
              .build();
        }
      }
    }
    return getDeleteSubscriptionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.ListNotificationsRequest,
      tw.jipan.market.v1.ListNotificationsResponse> getListNotificationsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListNotifications",
      requestType = tw.jipan.market.v1.ListNotificationsRequest.class,
      responseType = tw.jipan.market.v1.ListNotificationsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.ListNotificationsRequest,
      tw.jipan.market.v1.ListNotificationsResponse> getListNotificationsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.ListNotificationsRequest, tw.jipan.market.v1.ListNotificationsResponse> getListNotificationsMethod;
    if ((getListNotificationsMethod = SubscriptionServiceGrpc.getListNotificationsMethod) == null) {
      synchronized (SubscriptionServiceGrpc.class) {
        if ((getListNotificationsMethod = SubscriptionServiceGrpc.getListNotificationsMethod) == null) {
          SubscriptionServiceGrpc.getListNotificationsMethod = getListNotificationsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.ListNotificationsRequest, tw.jipan.market.v1.ListNotificationsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListNotifications"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListNotificationsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListNotificationsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SubscriptionServiceMethodDescriptorSupplier("ListNotifications"))
              .build();
        }
      }
    }
    return getListNotificationsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.WatchNotificationsRequest,
      tw.jipan.market.v1.WatchNotificationsResponse> getWatchNotificationsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "WatchNotifications",
      requestType = tw.jipan.market.v1.WatchNotificationsRequest.class,
      responseType = tw.jipan.market.v1.WatchNotificationsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.WatchNotificationsRequest,
      tw.jipan.market.v1.WatchNotificationsResponse> getWatchNotificationsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.WatchNotificationsRequest, tw.jipan.market.v1.WatchNotificationsResponse> getWatchNotificationsMethod;
    if ((getWatchNotificationsMethod = SubscriptionServiceGrpc.getWatchNotificationsMethod) == null) {
      synchronized (SubscriptionServiceGrpc.class) {
        if ((getWatchNotificationsMethod = SubscriptionServiceGrpc.getWatchNotificationsMethod) == null) {
          SubscriptionServiceGrpc.getWatchNotificationsMethod = getWatchNotificationsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.WatchNotificationsRequest, tw.jipan.market.v1.WatchNotificationsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "WatchNotifications"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.WatchNotificationsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.WatchNotificationsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SubscriptionServiceMethodDescriptorSupplier("WatchNotifications"))
              .build();
        }
      }
    }
    return getWatchNotificationsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.ListWebhookDeliveriesRequest,
      tw.jipan.market.v1.ListWebhookDeliveriesResponse> getListWebhookDeliveriesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListWebhookDeliveries",
      requestType = tw.jipan.market.v1.ListWebhookDeliveriesRequest.class,
      responseType = tw.jipan.market.v1.ListWebhookDeliveriesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.ListWebhookDeliveriesRequest,
      tw.jipan.market.v1.ListWebhookDeliveriesResponse> getListWebhookDeliveriesMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.ListWebhookDeliveriesRequest, tw.jipan.market.v1.ListWebhookDeliveriesResponse> getListWebhookDeliveriesMethod;
    if ((getListWebhookDeliveriesMethod = SubscriptionServiceGrpc.getListWebhookDeliveriesMethod) == null) {
      synchronized (SubscriptionServiceGrpc.class) {
        if ((getListWebhookDeliveriesMethod = SubscriptionServiceGrpc.getListWebhookDeliveriesMethod) == null) {
          SubscriptionServiceGrpc.getListWebhookDeliveriesMethod = getListWebhookDeliveriesMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.ListWebhookDeliveriesRequest, tw.jipan.market.v1.ListWebhookDeliveriesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListWebhookDeliveries"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListWebhookDeliveriesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListWebhookDeliveriesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SubscriptionServiceMethodDescriptorSupplier("ListWebhookDeliveries"))
              .build();
        }
      }
    }
    return getListWebhookDeliveriesMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static SubscriptionServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SubscriptionServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SubscriptionServiceStub>() {
        @java.lang.Override
        public SubscriptionServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SubscriptionServiceStub(channel, callOptions);
        }
      };
    return SubscriptionServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static SubscriptionServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SubscriptionServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SubscriptionServiceBlockingStub>() {
        @java.lang.Override
        public SubscriptionServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SubscriptionServiceBlockingStub(channel, callOptions);
        }
      };
    return SubscriptionServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static SubscriptionServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SubscriptionServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SubscriptionServiceFutureStub>() {
        @java.lang.Override
        public SubscriptionServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SubscriptionServiceFutureStub(channel, callOptions);
        }
      };
    return SubscriptionServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Subscriptions: an organisation follows projects for new versions, new
   * advisories and answers, and gets notifications (listed, or streamed as they
   * come) and, if it gives a webhook, HMAC-signed deliveries retried with
   * exponential backoff, each attempt in a delivery log.
   * </pre>
   */
  public static abstract class SubscriptionServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Subscribes the caller's organisation; the response carries the webhook
     * secret, once.
     * </pre>
     */
    public void createSubscription(tw.jipan.market.v1.CreateSubscriptionRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateSubscriptionResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateSubscriptionMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the caller's organisation's subscriptions.
     * </pre>
     */
    public void listSubscriptions(tw.jipan.market.v1.ListSubscriptionsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListSubscriptionsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListSubscriptionsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Ends a subscription.
     * </pre>
     */
    public void deleteSubscription(tw.jipan.market.v1.DeleteSubscriptionRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.DeleteSubscriptionResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteSubscriptionMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the caller's organisation's notifications, newest first.
     * </pre>
     */
    public void listNotifications(tw.jipan.market.v1.ListNotificationsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListNotificationsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListNotificationsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Streams the caller's organisation's notifications as they are made, from
     * after `after` (a notification name) or from now.
     * </pre>
     */
    public void watchNotifications(tw.jipan.market.v1.WatchNotificationsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.WatchNotificationsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getWatchNotificationsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists a subscription's webhook deliveries with their attempts, newest
     * first.
     * </pre>
     */
    public void listWebhookDeliveries(tw.jipan.market.v1.ListWebhookDeliveriesRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListWebhookDeliveriesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListWebhookDeliveriesMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getCreateSubscriptionMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.CreateSubscriptionRequest,
                tw.jipan.market.v1.CreateSubscriptionResponse>(
                  this, METHODID_CREATE_SUBSCRIPTION)))
          .addMethod(
            getListSubscriptionsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.ListSubscriptionsRequest,
                tw.jipan.market.v1.ListSubscriptionsResponse>(
                  this, METHODID_LIST_SUBSCRIPTIONS)))
          .addMethod(
            getDeleteSubscriptionMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.DeleteSubscriptionRequest,
                tw.jipan.market.v1.DeleteSubscriptionResponse>(
                  this, METHODID_DELETE_SUBSCRIPTION)))
          .addMethod(
            getListNotificationsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.ListNotificationsRequest,
                tw.jipan.market.v1.ListNotificationsResponse>(
                  this, METHODID_LIST_NOTIFICATIONS)))
          .addMethod(
            getWatchNotificationsMethod(),
            io.grpc.stub.ServerCalls.asyncServerStreamingCall(
              new MethodHandlers<
                tw.jipan.market.v1.WatchNotificationsRequest,
                tw.jipan.market.v1.WatchNotificationsResponse>(
                  this, METHODID_WATCH_NOTIFICATIONS)))
          .addMethod(
            getListWebhookDeliveriesMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.ListWebhookDeliveriesRequest,
                tw.jipan.market.v1.ListWebhookDeliveriesResponse>(
                  this, METHODID_LIST_WEBHOOK_DELIVERIES)))
          .build();
    }
  }

  /**
   * <pre>
   * Subscriptions: an organisation follows projects for new versions, new
   * advisories and answers, and gets notifications (listed, or streamed as they
   * come) and, if it gives a webhook, HMAC-signed deliveries retried with
   * exponential backoff, each attempt in a delivery log.
   * </pre>
   */
  public static final class SubscriptionServiceStub extends io.grpc.stub.AbstractAsyncStub<SubscriptionServiceStub> {
    private SubscriptionServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SubscriptionServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SubscriptionServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Subscribes the caller's organisation; the response carries the webhook
     * secret, once.
     * </pre>
     */
    public void createSubscription(tw.jipan.market.v1.CreateSubscriptionRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateSubscriptionResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateSubscriptionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the caller's organisation's subscriptions.
     * </pre>
     */
    public void listSubscriptions(tw.jipan.market.v1.ListSubscriptionsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListSubscriptionsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListSubscriptionsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Ends a subscription.
     * </pre>
     */
    public void deleteSubscription(tw.jipan.market.v1.DeleteSubscriptionRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.DeleteSubscriptionResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteSubscriptionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the caller's organisation's notifications, newest first.
     * </pre>
     */
    public void listNotifications(tw.jipan.market.v1.ListNotificationsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListNotificationsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListNotificationsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Streams the caller's organisation's notifications as they are made, from
     * after `after` (a notification name) or from now.
     * </pre>
     */
    public void watchNotifications(tw.jipan.market.v1.WatchNotificationsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.WatchNotificationsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getWatchNotificationsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists a subscription's webhook deliveries with their attempts, newest
     * first.
     * </pre>
     */
    public void listWebhookDeliveries(tw.jipan.market.v1.ListWebhookDeliveriesRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListWebhookDeliveriesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListWebhookDeliveriesMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * Subscriptions: an organisation follows projects for new versions, new
   * advisories and answers, and gets notifications (listed, or streamed as they
   * come) and, if it gives a webhook, HMAC-signed deliveries retried with
   * exponential backoff, each attempt in a delivery log.
   * </pre>
   */
  public static final class SubscriptionServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<SubscriptionServiceBlockingStub> {
    private SubscriptionServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SubscriptionServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SubscriptionServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Subscribes the caller's organisation; the response carries the webhook
     * secret, once.
     * </pre>
     */
    public tw.jipan.market.v1.CreateSubscriptionResponse createSubscription(tw.jipan.market.v1.CreateSubscriptionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateSubscriptionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the caller's organisation's subscriptions.
     * </pre>
     */
    public tw.jipan.market.v1.ListSubscriptionsResponse listSubscriptions(tw.jipan.market.v1.ListSubscriptionsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListSubscriptionsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Ends a subscription.
     * </pre>
     */
    public tw.jipan.market.v1.DeleteSubscriptionResponse deleteSubscription(tw.jipan.market.v1.DeleteSubscriptionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteSubscriptionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the caller's organisation's notifications, newest first.
     * </pre>
     */
    public tw.jipan.market.v1.ListNotificationsResponse listNotifications(tw.jipan.market.v1.ListNotificationsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListNotificationsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Streams the caller's organisation's notifications as they are made, from
     * after `after` (a notification name) or from now.
     * </pre>
     */
    public java.util.Iterator<tw.jipan.market.v1.WatchNotificationsResponse> watchNotifications(
        tw.jipan.market.v1.WatchNotificationsRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getWatchNotificationsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists a subscription's webhook deliveries with their attempts, newest
     * first.
     * </pre>
     */
    public tw.jipan.market.v1.ListWebhookDeliveriesResponse listWebhookDeliveries(tw.jipan.market.v1.ListWebhookDeliveriesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListWebhookDeliveriesMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * Subscriptions: an organisation follows projects for new versions, new
   * advisories and answers, and gets notifications (listed, or streamed as they
   * come) and, if it gives a webhook, HMAC-signed deliveries retried with
   * exponential backoff, each attempt in a delivery log.
   * </pre>
   */
  public static final class SubscriptionServiceFutureStub extends io.grpc.stub.AbstractFutureStub<SubscriptionServiceFutureStub> {
    private SubscriptionServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SubscriptionServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SubscriptionServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Subscribes the caller's organisation; the response carries the webhook
     * secret, once.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.CreateSubscriptionResponse> createSubscription(
        tw.jipan.market.v1.CreateSubscriptionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateSubscriptionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the caller's organisation's subscriptions.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.ListSubscriptionsResponse> listSubscriptions(
        tw.jipan.market.v1.ListSubscriptionsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListSubscriptionsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Ends a subscription.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.DeleteSubscriptionResponse> deleteSubscription(
        tw.jipan.market.v1.DeleteSubscriptionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteSubscriptionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the caller's organisation's notifications, newest first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.ListNotificationsResponse> listNotifications(
        tw.jipan.market.v1.ListNotificationsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListNotificationsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists a subscription's webhook deliveries with their attempts, newest
     * first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.ListWebhookDeliveriesResponse> listWebhookDeliveries(
        tw.jipan.market.v1.ListWebhookDeliveriesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListWebhookDeliveriesMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_SUBSCRIPTION = 0;
  private static final int METHODID_LIST_SUBSCRIPTIONS = 1;
  private static final int METHODID_DELETE_SUBSCRIPTION = 2;
  private static final int METHODID_LIST_NOTIFICATIONS = 3;
  private static final int METHODID_WATCH_NOTIFICATIONS = 4;
  private static final int METHODID_LIST_WEBHOOK_DELIVERIES = 5;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final SubscriptionServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(SubscriptionServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_CREATE_SUBSCRIPTION:
          serviceImpl.createSubscription((tw.jipan.market.v1.CreateSubscriptionRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateSubscriptionResponse>) responseObserver);
          break;
        case METHODID_LIST_SUBSCRIPTIONS:
          serviceImpl.listSubscriptions((tw.jipan.market.v1.ListSubscriptionsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListSubscriptionsResponse>) responseObserver);
          break;
        case METHODID_DELETE_SUBSCRIPTION:
          serviceImpl.deleteSubscription((tw.jipan.market.v1.DeleteSubscriptionRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.DeleteSubscriptionResponse>) responseObserver);
          break;
        case METHODID_LIST_NOTIFICATIONS:
          serviceImpl.listNotifications((tw.jipan.market.v1.ListNotificationsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListNotificationsResponse>) responseObserver);
          break;
        case METHODID_WATCH_NOTIFICATIONS:
          serviceImpl.watchNotifications((tw.jipan.market.v1.WatchNotificationsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.WatchNotificationsResponse>) responseObserver);
          break;
        case METHODID_LIST_WEBHOOK_DELIVERIES:
          serviceImpl.listWebhookDeliveries((tw.jipan.market.v1.ListWebhookDeliveriesRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListWebhookDeliveriesResponse>) responseObserver);
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

  private static abstract class SubscriptionServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    SubscriptionServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.market.v1.SubscriptionServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("SubscriptionService");
    }
  }

  private static final class SubscriptionServiceFileDescriptorSupplier
      extends SubscriptionServiceBaseDescriptorSupplier {
    SubscriptionServiceFileDescriptorSupplier() {}
  }

  private static final class SubscriptionServiceMethodDescriptorSupplier
      extends SubscriptionServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    SubscriptionServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (SubscriptionServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new SubscriptionServiceFileDescriptorSupplier())
              .addMethod(getCreateSubscriptionMethod())
              .addMethod(getListSubscriptionsMethod())
              .addMethod(getDeleteSubscriptionMethod())
              .addMethod(getListNotificationsMethod())
              .addMethod(getWatchNotificationsMethod())
              .addMethod(getListWebhookDeliveriesMethod())
              .build();
        }
      }
    }
    return result;
  }
}
