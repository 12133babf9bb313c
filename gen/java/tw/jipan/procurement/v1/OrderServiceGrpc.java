package tw.jipan.procurement.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Agencies order approved listings; vendors confirm and deliver; agencies
 * accept (or dispute) and pay. Every step records who made it and when. An
 * agency sees only its own orders, a vendor only the orders of its listings.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/procurement/v1/order_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class OrderServiceGrpc {

  private OrderServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.procurement.v1.OrderService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.CreateOrderRequest,
      tw.jipan.procurement.v1.CreateOrderResponse> getCreateOrderMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateOrder",
      requestType = tw.jipan.procurement.v1.CreateOrderRequest.class,
      responseType = tw.jipan.procurement.v1.CreateOrderResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.CreateOrderRequest,
      tw.jipan.procurement.v1.CreateOrderResponse> getCreateOrderMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.CreateOrderRequest, tw.jipan.procurement.v1.CreateOrderResponse> getCreateOrderMethod;
    if ((getCreateOrderMethod = OrderServiceGrpc.getCreateOrderMethod) == null) {
      synchronized (OrderServiceGrpc.class) {
        if ((getCreateOrderMethod = OrderServiceGrpc.getCreateOrderMethod) == null) {
          OrderServiceGrpc.getCreateOrderMethod = getCreateOrderMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.CreateOrderRequest, tw.jipan.procurement.v1.CreateOrderResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateOrder"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.CreateOrderRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.CreateOrderResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OrderServiceMethodDescriptorSupplier("CreateOrder"))
              .build();
        }
      }
    }
    return getCreateOrderMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.GetOrderRequest,
      tw.jipan.procurement.v1.GetOrderResponse> getGetOrderMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetOrder",
      requestType = tw.jipan.procurement.v1.GetOrderRequest.class,
      responseType = tw.jipan.procurement.v1.GetOrderResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.GetOrderRequest,
      tw.jipan.procurement.v1.GetOrderResponse> getGetOrderMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.GetOrderRequest, tw.jipan.procurement.v1.GetOrderResponse> getGetOrderMethod;
    if ((getGetOrderMethod = OrderServiceGrpc.getGetOrderMethod) == null) {
      synchronized (OrderServiceGrpc.class) {
        if ((getGetOrderMethod = OrderServiceGrpc.getGetOrderMethod) == null) {
          OrderServiceGrpc.getGetOrderMethod = getGetOrderMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.GetOrderRequest, tw.jipan.procurement.v1.GetOrderResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetOrder"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.GetOrderRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.GetOrderResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OrderServiceMethodDescriptorSupplier("GetOrder"))
              .build();
        }
      }
    }
    return getGetOrderMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ListOrdersRequest,
      tw.jipan.procurement.v1.ListOrdersResponse> getListOrdersMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListOrders",
      requestType = tw.jipan.procurement.v1.ListOrdersRequest.class,
      responseType = tw.jipan.procurement.v1.ListOrdersResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ListOrdersRequest,
      tw.jipan.procurement.v1.ListOrdersResponse> getListOrdersMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ListOrdersRequest, tw.jipan.procurement.v1.ListOrdersResponse> getListOrdersMethod;
    if ((getListOrdersMethod = OrderServiceGrpc.getListOrdersMethod) == null) {
      synchronized (OrderServiceGrpc.class) {
        if ((getListOrdersMethod = OrderServiceGrpc.getListOrdersMethod) == null) {
          OrderServiceGrpc.getListOrdersMethod = getListOrdersMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.ListOrdersRequest, tw.jipan.procurement.v1.ListOrdersResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListOrders"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.ListOrdersRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.ListOrdersResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OrderServiceMethodDescriptorSupplier("ListOrders"))
              .build();
        }
      }
    }
    return getListOrdersMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ConfirmOrderRequest,
      tw.jipan.procurement.v1.ConfirmOrderResponse> getConfirmOrderMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ConfirmOrder",
      requestType = tw.jipan.procurement.v1.ConfirmOrderRequest.class,
      responseType = tw.jipan.procurement.v1.ConfirmOrderResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ConfirmOrderRequest,
      tw.jipan.procurement.v1.ConfirmOrderResponse> getConfirmOrderMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ConfirmOrderRequest, tw.jipan.procurement.v1.ConfirmOrderResponse> getConfirmOrderMethod;
    if ((getConfirmOrderMethod = OrderServiceGrpc.getConfirmOrderMethod) == null) {
      synchronized (OrderServiceGrpc.class) {
        if ((getConfirmOrderMethod = OrderServiceGrpc.getConfirmOrderMethod) == null) {
          OrderServiceGrpc.getConfirmOrderMethod = getConfirmOrderMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.ConfirmOrderRequest, tw.jipan.procurement.v1.ConfirmOrderResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ConfirmOrder"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.ConfirmOrderRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.ConfirmOrderResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OrderServiceMethodDescriptorSupplier("ConfirmOrder"))
              .build();
        }
      }
    }
    return getConfirmOrderMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.DeliverOrderRequest,
      tw.jipan.procurement.v1.DeliverOrderResponse> getDeliverOrderMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeliverOrder",
      requestType = tw.jipan.procurement.v1.DeliverOrderRequest.class,
      responseType = tw.jipan.procurement.v1.DeliverOrderResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.DeliverOrderRequest,
      tw.jipan.procurement.v1.DeliverOrderResponse> getDeliverOrderMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.DeliverOrderRequest, tw.jipan.procurement.v1.DeliverOrderResponse> getDeliverOrderMethod;
    if ((getDeliverOrderMethod = OrderServiceGrpc.getDeliverOrderMethod) == null) {
      synchronized (OrderServiceGrpc.class) {
        if ((getDeliverOrderMethod = OrderServiceGrpc.getDeliverOrderMethod) == null) {
          OrderServiceGrpc.getDeliverOrderMethod = getDeliverOrderMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.DeliverOrderRequest, tw.jipan.procurement.v1.DeliverOrderResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeliverOrder"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.DeliverOrderRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.DeliverOrderResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OrderServiceMethodDescriptorSupplier("DeliverOrder"))
              .build();
        }
      }
    }
    return getDeliverOrderMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.AcceptOrderRequest,
      tw.jipan.procurement.v1.AcceptOrderResponse> getAcceptOrderMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "AcceptOrder",
      requestType = tw.jipan.procurement.v1.AcceptOrderRequest.class,
      responseType = tw.jipan.procurement.v1.AcceptOrderResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.AcceptOrderRequest,
      tw.jipan.procurement.v1.AcceptOrderResponse> getAcceptOrderMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.AcceptOrderRequest, tw.jipan.procurement.v1.AcceptOrderResponse> getAcceptOrderMethod;
    if ((getAcceptOrderMethod = OrderServiceGrpc.getAcceptOrderMethod) == null) {
      synchronized (OrderServiceGrpc.class) {
        if ((getAcceptOrderMethod = OrderServiceGrpc.getAcceptOrderMethod) == null) {
          OrderServiceGrpc.getAcceptOrderMethod = getAcceptOrderMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.AcceptOrderRequest, tw.jipan.procurement.v1.AcceptOrderResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "AcceptOrder"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.AcceptOrderRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.AcceptOrderResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OrderServiceMethodDescriptorSupplier("AcceptOrder"))
              .build();
        }
      }
    }
    return getAcceptOrderMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.DisputeOrderRequest,
      tw.jipan.procurement.v1.DisputeOrderResponse> getDisputeOrderMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DisputeOrder",
      requestType = tw.jipan.procurement.v1.DisputeOrderRequest.class,
      responseType = tw.jipan.procurement.v1.DisputeOrderResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.DisputeOrderRequest,
      tw.jipan.procurement.v1.DisputeOrderResponse> getDisputeOrderMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.DisputeOrderRequest, tw.jipan.procurement.v1.DisputeOrderResponse> getDisputeOrderMethod;
    if ((getDisputeOrderMethod = OrderServiceGrpc.getDisputeOrderMethod) == null) {
      synchronized (OrderServiceGrpc.class) {
        if ((getDisputeOrderMethod = OrderServiceGrpc.getDisputeOrderMethod) == null) {
          OrderServiceGrpc.getDisputeOrderMethod = getDisputeOrderMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.DisputeOrderRequest, tw.jipan.procurement.v1.DisputeOrderResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DisputeOrder"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.DisputeOrderRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.DisputeOrderResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OrderServiceMethodDescriptorSupplier("DisputeOrder"))
              .build();
        }
      }
    }
    return getDisputeOrderMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.PayOrderRequest,
      tw.jipan.procurement.v1.PayOrderResponse> getPayOrderMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "PayOrder",
      requestType = tw.jipan.procurement.v1.PayOrderRequest.class,
      responseType = tw.jipan.procurement.v1.PayOrderResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.PayOrderRequest,
      tw.jipan.procurement.v1.PayOrderResponse> getPayOrderMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.PayOrderRequest, tw.jipan.procurement.v1.PayOrderResponse> getPayOrderMethod;
    if ((getPayOrderMethod = OrderServiceGrpc.getPayOrderMethod) == null) {
      synchronized (OrderServiceGrpc.class) {
        if ((getPayOrderMethod = OrderServiceGrpc.getPayOrderMethod) == null) {
          OrderServiceGrpc.getPayOrderMethod = getPayOrderMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.PayOrderRequest, tw.jipan.procurement.v1.PayOrderResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "PayOrder"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.PayOrderRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.PayOrderResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OrderServiceMethodDescriptorSupplier("PayOrder"))
              .build();
        }
      }
    }
    return getPayOrderMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static OrderServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<OrderServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<OrderServiceStub>() {
        @java.lang.Override
        public OrderServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new OrderServiceStub(channel, callOptions);
        }
      };
    return OrderServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static OrderServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<OrderServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<OrderServiceBlockingStub>() {
        @java.lang.Override
        public OrderServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new OrderServiceBlockingStub(channel, callOptions);
        }
      };
    return OrderServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static OrderServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<OrderServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<OrderServiceFutureStub>() {
        @java.lang.Override
        public OrderServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new OrderServiceFutureStub(channel, callOptions);
        }
      };
    return OrderServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Agencies order approved listings; vendors confirm and deliver; agencies
   * accept (or dispute) and pay. Every step records who made it and when. An
   * agency sees only its own orders, a vendor only the orders of its listings.
   * </pre>
   */
  public static abstract class OrderServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Places an order for the caller's agency at the price of the tier its
     * quantity falls in. Idempotent by `request_id`.
     * </pre>
     */
    public void createOrder(tw.jipan.procurement.v1.CreateOrderRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.CreateOrderResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateOrderMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one order of the caller's agency, or of the caller's listings.
     * </pre>
     */
    public void getOrder(tw.jipan.procurement.v1.GetOrderRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.GetOrderResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetOrderMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists orders, newest first: an agency's ("agencies/{agency}") or those
     * of a vendor's listings ("vendors/{vendor}"); the caller's own only.
     * </pre>
     */
    public void listOrders(tw.jipan.procurement.v1.ListOrdersRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ListOrdersResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListOrdersMethod(), responseObserver);
    }

    /**
     * <pre>
     * Moves an order to CONFIRMED: the vendor confirms a PLACED order for its listing. Repeating the step the order
     * already made returns it unchanged; any other step out of order is
     * FAILED_PRECONDITION with ORDER_STATE_INVALID.
     * </pre>
     */
    public void confirmOrder(tw.jipan.procurement.v1.ConfirmOrderRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ConfirmOrderResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getConfirmOrderMethod(), responseObserver);
    }

    /**
     * <pre>
     * Moves an order to DELIVERED: the vendor records delivery of a CONFIRMED (or redelivery of a DISPUTED) order. Repeating the step the order
     * already made returns it unchanged; any other step out of order is
     * FAILED_PRECONDITION with ORDER_STATE_INVALID.
     * </pre>
     */
    public void deliverOrder(tw.jipan.procurement.v1.DeliverOrderRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.DeliverOrderResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeliverOrderMethod(), responseObserver);
    }

    /**
     * <pre>
     * Moves an order to ACCEPTED: the ordering agency accepts a DELIVERED order. Repeating the step the order
     * already made returns it unchanged; any other step out of order is
     * FAILED_PRECONDITION with ORDER_STATE_INVALID.
     * </pre>
     */
    public void acceptOrder(tw.jipan.procurement.v1.AcceptOrderRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.AcceptOrderResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getAcceptOrderMethod(), responseObserver);
    }

    /**
     * <pre>
     * Moves an order to DISPUTED: the ordering agency disputes a DELIVERED order; `note` (the reason) is required. Repeating the step the order
     * already made returns it unchanged; any other step out of order is
     * FAILED_PRECONDITION with ORDER_STATE_INVALID.
     * </pre>
     */
    public void disputeOrder(tw.jipan.procurement.v1.DisputeOrderRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.DisputeOrderResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDisputeOrderMethod(), responseObserver);
    }

    /**
     * <pre>
     * Moves an order to PAID: the ordering agency records payment of an ACCEPTED order. Repeating the step the order
     * already made returns it unchanged; any other step out of order is
     * FAILED_PRECONDITION with ORDER_STATE_INVALID.
     * </pre>
     */
    public void payOrder(tw.jipan.procurement.v1.PayOrderRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.PayOrderResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getPayOrderMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getCreateOrderMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.CreateOrderRequest,
                tw.jipan.procurement.v1.CreateOrderResponse>(
                  this, METHODID_CREATE_ORDER)))
          .addMethod(
            getGetOrderMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.GetOrderRequest,
                tw.jipan.procurement.v1.GetOrderResponse>(
                  this, METHODID_GET_ORDER)))
          .addMethod(
            getListOrdersMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.ListOrdersRequest,
                tw.jipan.procurement.v1.ListOrdersResponse>(
                  this, METHODID_LIST_ORDERS)))
          .addMethod(
            getConfirmOrderMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.ConfirmOrderRequest,
                tw.jipan.procurement.v1.ConfirmOrderResponse>(
                  this, METHODID_CONFIRM_ORDER)))
          .addMethod(
            getDeliverOrderMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.DeliverOrderRequest,
                tw.jipan.procurement.v1.DeliverOrderResponse>(
                  this, METHODID_DELIVER_ORDER)))
          .addMethod(
            getAcceptOrderMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.AcceptOrderRequest,
                tw.jipan.procurement.v1.AcceptOrderResponse>(
                  this, METHODID_ACCEPT_ORDER)))
          .addMethod(
            getDisputeOrderMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.DisputeOrderRequest,
                tw.jipan.procurement.v1.DisputeOrderResponse>(
                  this, METHODID_DISPUTE_ORDER)))
          .addMethod(
            getPayOrderMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.PayOrderRequest,
                tw.jipan.procurement.v1.PayOrderResponse>(
                  this, METHODID_PAY_ORDER)))
          .build();
    }
  }

  /**
   * <pre>
   * Agencies order approved listings; vendors confirm and deliver; agencies
   * accept (or dispute) and pay. Every step records who made it and when. An
   * agency sees only its own orders, a vendor only the orders of its listings.
   * </pre>
   */
  public static final class OrderServiceStub extends io.grpc.stub.AbstractAsyncStub<OrderServiceStub> {
    private OrderServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected OrderServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new OrderServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Places an order for the caller's agency at the price of the tier its
     * quantity falls in. Idempotent by `request_id`.
     * </pre>
     */
    public void createOrder(tw.jipan.procurement.v1.CreateOrderRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.CreateOrderResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateOrderMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one order of the caller's agency, or of the caller's listings.
     * </pre>
     */
    public void getOrder(tw.jipan.procurement.v1.GetOrderRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.GetOrderResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetOrderMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists orders, newest first: an agency's ("agencies/{agency}") or those
     * of a vendor's listings ("vendors/{vendor}"); the caller's own only.
     * </pre>
     */
    public void listOrders(tw.jipan.procurement.v1.ListOrdersRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ListOrdersResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListOrdersMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Moves an order to CONFIRMED: the vendor confirms a PLACED order for its listing. Repeating the step the order
     * already made returns it unchanged; any other step out of order is
     * FAILED_PRECONDITION with ORDER_STATE_INVALID.
     * </pre>
     */
    public void confirmOrder(tw.jipan.procurement.v1.ConfirmOrderRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ConfirmOrderResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getConfirmOrderMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Moves an order to DELIVERED: the vendor records delivery of a CONFIRMED (or redelivery of a DISPUTED) order. Repeating the step the order
     * already made returns it unchanged; any other step out of order is
     * FAILED_PRECONDITION with ORDER_STATE_INVALID.
     * </pre>
     */
    public void deliverOrder(tw.jipan.procurement.v1.DeliverOrderRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.DeliverOrderResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeliverOrderMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Moves an order to ACCEPTED: the ordering agency accepts a DELIVERED order. Repeating the step the order
     * already made returns it unchanged; any other step out of order is
     * FAILED_PRECONDITION with ORDER_STATE_INVALID.
     * </pre>
     */
    public void acceptOrder(tw.jipan.procurement.v1.AcceptOrderRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.AcceptOrderResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getAcceptOrderMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Moves an order to DISPUTED: the ordering agency disputes a DELIVERED order; `note` (the reason) is required. Repeating the step the order
     * already made returns it unchanged; any other step out of order is
     * FAILED_PRECONDITION with ORDER_STATE_INVALID.
     * </pre>
     */
    public void disputeOrder(tw.jipan.procurement.v1.DisputeOrderRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.DisputeOrderResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDisputeOrderMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Moves an order to PAID: the ordering agency records payment of an ACCEPTED order. Repeating the step the order
     * already made returns it unchanged; any other step out of order is
     * FAILED_PRECONDITION with ORDER_STATE_INVALID.
     * </pre>
     */
    public void payOrder(tw.jipan.procurement.v1.PayOrderRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.PayOrderResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getPayOrderMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * Agencies order approved listings; vendors confirm and deliver; agencies
   * accept (or dispute) and pay. Every step records who made it and when. An
   * agency sees only its own orders, a vendor only the orders of its listings.
   * </pre>
   */
  public static final class OrderServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<OrderServiceBlockingStub> {
    private OrderServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected OrderServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new OrderServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Places an order for the caller's agency at the price of the tier its
     * quantity falls in. Idempotent by `request_id`.
     * </pre>
     */
    public tw.jipan.procurement.v1.CreateOrderResponse createOrder(tw.jipan.procurement.v1.CreateOrderRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateOrderMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one order of the caller's agency, or of the caller's listings.
     * </pre>
     */
    public tw.jipan.procurement.v1.GetOrderResponse getOrder(tw.jipan.procurement.v1.GetOrderRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetOrderMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists orders, newest first: an agency's ("agencies/{agency}") or those
     * of a vendor's listings ("vendors/{vendor}"); the caller's own only.
     * </pre>
     */
    public tw.jipan.procurement.v1.ListOrdersResponse listOrders(tw.jipan.procurement.v1.ListOrdersRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListOrdersMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Moves an order to CONFIRMED: the vendor confirms a PLACED order for its listing. Repeating the step the order
     * already made returns it unchanged; any other step out of order is
     * FAILED_PRECONDITION with ORDER_STATE_INVALID.
     * </pre>
     */
    public tw.jipan.procurement.v1.ConfirmOrderResponse confirmOrder(tw.jipan.procurement.v1.ConfirmOrderRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getConfirmOrderMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Moves an order to DELIVERED: the vendor records delivery of a CONFIRMED (or redelivery of a DISPUTED) order. Repeating the step the order
     * already made returns it unchanged; any other step out of order is
     * FAILED_PRECONDITION with ORDER_STATE_INVALID.
     * </pre>
     */
    public tw.jipan.procurement.v1.DeliverOrderResponse deliverOrder(tw.jipan.procurement.v1.DeliverOrderRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeliverOrderMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Moves an order to ACCEPTED: the ordering agency accepts a DELIVERED order. Repeating the step the order
     * already made returns it unchanged; any other step out of order is
     * FAILED_PRECONDITION with ORDER_STATE_INVALID.
     * </pre>
     */
    public tw.jipan.procurement.v1.AcceptOrderResponse acceptOrder(tw.jipan.procurement.v1.AcceptOrderRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getAcceptOrderMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Moves an order to DISPUTED: the ordering agency disputes a DELIVERED order; `note` (the reason) is required. Repeating the step the order
     * already made returns it unchanged; any other step out of order is
     * FAILED_PRECONDITION with ORDER_STATE_INVALID.
     * </pre>
     */
    public tw.jipan.procurement.v1.DisputeOrderResponse disputeOrder(tw.jipan.procurement.v1.DisputeOrderRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDisputeOrderMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Moves an order to PAID: the ordering agency records payment of an ACCEPTED order. Repeating the step the order
     * already made returns it unchanged; any other step out of order is
     * FAILED_PRECONDITION with ORDER_STATE_INVALID.
     * </pre>
     */
    public tw.jipan.procurement.v1.PayOrderResponse payOrder(tw.jipan.procurement.v1.PayOrderRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getPayOrderMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * Agencies order approved listings; vendors confirm and deliver; agencies
   * accept (or dispute) and pay. Every step records who made it and when. An
   * agency sees only its own orders, a vendor only the orders of its listings.
   * </pre>
   */
  public static final class OrderServiceFutureStub extends io.grpc.stub.AbstractFutureStub<OrderServiceFutureStub> {
    private OrderServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected OrderServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new OrderServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Places an order for the caller's agency at the price of the tier its
     * quantity falls in. Idempotent by `request_id`.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.CreateOrderResponse> createOrder(
        tw.jipan.procurement.v1.CreateOrderRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateOrderMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one order of the caller's agency, or of the caller's listings.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.GetOrderResponse> getOrder(
        tw.jipan.procurement.v1.GetOrderRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetOrderMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists orders, newest first: an agency's ("agencies/{agency}") or those
     * of a vendor's listings ("vendors/{vendor}"); the caller's own only.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.ListOrdersResponse> listOrders(
        tw.jipan.procurement.v1.ListOrdersRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListOrdersMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Moves an order to CONFIRMED: the vendor confirms a PLACED order for its listing. Repeating the step the order
     * already made returns it unchanged; any other step out of order is
     * FAILED_PRECONDITION with ORDER_STATE_INVALID.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.ConfirmOrderResponse> confirmOrder(
        tw.jipan.procurement.v1.ConfirmOrderRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getConfirmOrderMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Moves an order to DELIVERED: the vendor records delivery of a CONFIRMED (or redelivery of a DISPUTED) order. Repeating the step the order
     * already made returns it unchanged; any other step out of order is
     * FAILED_PRECONDITION with ORDER_STATE_INVALID.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.DeliverOrderResponse> deliverOrder(
        tw.jipan.procurement.v1.DeliverOrderRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeliverOrderMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Moves an order to ACCEPTED: the ordering agency accepts a DELIVERED order. Repeating the step the order
     * already made returns it unchanged; any other step out of order is
     * FAILED_PRECONDITION with ORDER_STATE_INVALID.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.AcceptOrderResponse> acceptOrder(
        tw.jipan.procurement.v1.AcceptOrderRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getAcceptOrderMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Moves an order to DISPUTED: the ordering agency disputes a DELIVERED order; `note` (the reason) is required. Repeating the step the order
     * already made returns it unchanged; any other step out of order is
     * FAILED_PRECONDITION with ORDER_STATE_INVALID.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.DisputeOrderResponse> disputeOrder(
        tw.jipan.procurement.v1.DisputeOrderRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDisputeOrderMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Moves an order to PAID: the ordering agency records payment of an ACCEPTED order. Repeating the step the order
     * already made returns it unchanged; any other step out of order is
     * FAILED_PRECONDITION with ORDER_STATE_INVALID.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.PayOrderResponse> payOrder(
        tw.jipan.procurement.v1.PayOrderRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getPayOrderMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_ORDER = 0;
  private static final int METHODID_GET_ORDER = 1;
  private static final int METHODID_LIST_ORDERS = 2;
  private static final int METHODID_CONFIRM_ORDER = 3;
  private static final int METHODID_DELIVER_ORDER = 4;
  private static final int METHODID_ACCEPT_ORDER = 5;
  private static final int METHODID_DISPUTE_ORDER = 6;
  private static final int METHODID_PAY_ORDER = 7;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final OrderServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(OrderServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_CREATE_ORDER:
          serviceImpl.createOrder((tw.jipan.procurement.v1.CreateOrderRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.CreateOrderResponse>) responseObserver);
          break;
        case METHODID_GET_ORDER:
          serviceImpl.getOrder((tw.jipan.procurement.v1.GetOrderRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.GetOrderResponse>) responseObserver);
          break;
        case METHODID_LIST_ORDERS:
          serviceImpl.listOrders((tw.jipan.procurement.v1.ListOrdersRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ListOrdersResponse>) responseObserver);
          break;
        case METHODID_CONFIRM_ORDER:
          serviceImpl.confirmOrder((tw.jipan.procurement.v1.ConfirmOrderRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ConfirmOrderResponse>) responseObserver);
          break;
        case METHODID_DELIVER_ORDER:
          serviceImpl.deliverOrder((tw.jipan.procurement.v1.DeliverOrderRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.DeliverOrderResponse>) responseObserver);
          break;
        case METHODID_ACCEPT_ORDER:
          serviceImpl.acceptOrder((tw.jipan.procurement.v1.AcceptOrderRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.AcceptOrderResponse>) responseObserver);
          break;
        case METHODID_DISPUTE_ORDER:
          serviceImpl.disputeOrder((tw.jipan.procurement.v1.DisputeOrderRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.DisputeOrderResponse>) responseObserver);
          break;
        case METHODID_PAY_ORDER:
          serviceImpl.payOrder((tw.jipan.procurement.v1.PayOrderRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.PayOrderResponse>) responseObserver);
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

  private static abstract class OrderServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    OrderServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.procurement.v1.OrderServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("OrderService");
    }
  }

  private static final class OrderServiceFileDescriptorSupplier
      extends OrderServiceBaseDescriptorSupplier {
    OrderServiceFileDescriptorSupplier() {}
  }

  private static final class OrderServiceMethodDescriptorSupplier
      extends OrderServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    OrderServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (OrderServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new OrderServiceFileDescriptorSupplier())
              .addMethod(getCreateOrderMethod())
              .addMethod(getGetOrderMethod())
              .addMethod(getListOrdersMethod())
              .addMethod(getConfirmOrderMethod())
              .addMethod(getDeliverOrderMethod())
              .addMethod(getAcceptOrderMethod())
              .addMethod(getDisputeOrderMethod())
              .addMethod(getPayOrderMethod())
              .build();
        }
      }
    }
    return result;
  }
}
