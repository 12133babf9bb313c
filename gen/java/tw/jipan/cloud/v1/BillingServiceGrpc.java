package tw.jipan.cloud.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * One bill over every provider: cost exports imported into FinOps FOCUS 1.2
 * rows (every mandatory column validated), costs grouped by organisation,
 * project, tag, service and month (UTC+8), FOCUS exports as CSV or
 * Parquet, budgets whose thresholds raise notifications, and a daily cost
 * forecast with 80 % and 95 % prediction intervals.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/cloud/v1/billing_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class BillingServiceGrpc {

  private BillingServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.cloud.v1.BillingService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ImportCostExportRequest,
      tw.jipan.cloud.v1.ImportCostExportResponse> getImportCostExportMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ImportCostExport",
      requestType = tw.jipan.cloud.v1.ImportCostExportRequest.class,
      responseType = tw.jipan.cloud.v1.ImportCostExportResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ImportCostExportRequest,
      tw.jipan.cloud.v1.ImportCostExportResponse> getImportCostExportMethod() {
    io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ImportCostExportRequest, tw.jipan.cloud.v1.ImportCostExportResponse> getImportCostExportMethod;
    if ((getImportCostExportMethod = BillingServiceGrpc.getImportCostExportMethod) == null) {
      synchronized (BillingServiceGrpc.class) {
        if ((getImportCostExportMethod = BillingServiceGrpc.getImportCostExportMethod) == null) {
          BillingServiceGrpc.getImportCostExportMethod = getImportCostExportMethod =
              io.grpc.MethodDescriptor.<tw.jipan.cloud.v1.ImportCostExportRequest, tw.jipan.cloud.v1.ImportCostExportResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ImportCostExport"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.ImportCostExportRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.ImportCostExportResponse.getDefaultInstance()))
              .setSchemaDescriptor(new BillingServiceMethodDescriptorSupplier("ImportCostExport"))
              .build();
        }
      }
    }
    return getImportCostExportMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.cloud.v1.StreamCostExportRequest,
      tw.jipan.cloud.v1.StreamCostExportResponse> getStreamCostExportMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "StreamCostExport",
      requestType = tw.jipan.cloud.v1.StreamCostExportRequest.class,
      responseType = tw.jipan.cloud.v1.StreamCostExportResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.CLIENT_STREAMING)
  public static io.grpc.MethodDescriptor<tw.jipan.cloud.v1.StreamCostExportRequest,
      tw.jipan.cloud.v1.StreamCostExportResponse> getStreamCostExportMethod() {
    io.grpc.MethodDescriptor<tw.jipan.cloud.v1.StreamCostExportRequest, tw.jipan.cloud.v1.StreamCostExportResponse> getStreamCostExportMethod;
    if ((getStreamCostExportMethod = BillingServiceGrpc.getStreamCostExportMethod) == null) {
      synchronized (BillingServiceGrpc.class) {
        if ((getStreamCostExportMethod = BillingServiceGrpc.getStreamCostExportMethod) == null) {
          BillingServiceGrpc.getStreamCostExportMethod = getStreamCostExportMethod =
              io.grpc.MethodDescriptor.<tw.jipan.cloud.v1.StreamCostExportRequest, tw.jipan.cloud.v1.StreamCostExportResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.CLIENT_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "StreamCostExport"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.StreamCostExportRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.StreamCostExportResponse.getDefaultInstance()))
              .setSchemaDescriptor(new BillingServiceMethodDescriptorSupplier("StreamCostExport"))
              .build();
        }
      }
    }
    return getStreamCostExportMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.cloud.v1.QueryCostsRequest,
      tw.jipan.cloud.v1.QueryCostsResponse> getQueryCostsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "QueryCosts",
      requestType = tw.jipan.cloud.v1.QueryCostsRequest.class,
      responseType = tw.jipan.cloud.v1.QueryCostsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.cloud.v1.QueryCostsRequest,
      tw.jipan.cloud.v1.QueryCostsResponse> getQueryCostsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.cloud.v1.QueryCostsRequest, tw.jipan.cloud.v1.QueryCostsResponse> getQueryCostsMethod;
    if ((getQueryCostsMethod = BillingServiceGrpc.getQueryCostsMethod) == null) {
      synchronized (BillingServiceGrpc.class) {
        if ((getQueryCostsMethod = BillingServiceGrpc.getQueryCostsMethod) == null) {
          BillingServiceGrpc.getQueryCostsMethod = getQueryCostsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.cloud.v1.QueryCostsRequest, tw.jipan.cloud.v1.QueryCostsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "QueryCosts"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.QueryCostsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.QueryCostsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new BillingServiceMethodDescriptorSupplier("QueryCosts"))
              .build();
        }
      }
    }
    return getQueryCostsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ExportFocusRequest,
      tw.jipan.cloud.v1.ExportFocusResponse> getExportFocusMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ExportFocus",
      requestType = tw.jipan.cloud.v1.ExportFocusRequest.class,
      responseType = tw.jipan.cloud.v1.ExportFocusResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ExportFocusRequest,
      tw.jipan.cloud.v1.ExportFocusResponse> getExportFocusMethod() {
    io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ExportFocusRequest, tw.jipan.cloud.v1.ExportFocusResponse> getExportFocusMethod;
    if ((getExportFocusMethod = BillingServiceGrpc.getExportFocusMethod) == null) {
      synchronized (BillingServiceGrpc.class) {
        if ((getExportFocusMethod = BillingServiceGrpc.getExportFocusMethod) == null) {
          BillingServiceGrpc.getExportFocusMethod = getExportFocusMethod =
              io.grpc.MethodDescriptor.<tw.jipan.cloud.v1.ExportFocusRequest, tw.jipan.cloud.v1.ExportFocusResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ExportFocus"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.ExportFocusRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.ExportFocusResponse.getDefaultInstance()))
              .setSchemaDescriptor(new BillingServiceMethodDescriptorSupplier("ExportFocus"))
              .build();
        }
      }
    }
    return getExportFocusMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.cloud.v1.CreateBudgetRequest,
      tw.jipan.cloud.v1.CreateBudgetResponse> getCreateBudgetMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateBudget",
      requestType = tw.jipan.cloud.v1.CreateBudgetRequest.class,
      responseType = tw.jipan.cloud.v1.CreateBudgetResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.cloud.v1.CreateBudgetRequest,
      tw.jipan.cloud.v1.CreateBudgetResponse> getCreateBudgetMethod() {
    io.grpc.MethodDescriptor<tw.jipan.cloud.v1.CreateBudgetRequest, tw.jipan.cloud.v1.CreateBudgetResponse> getCreateBudgetMethod;
    if ((getCreateBudgetMethod = BillingServiceGrpc.getCreateBudgetMethod) == null) {
      synchronized (BillingServiceGrpc.class) {
        if ((getCreateBudgetMethod = BillingServiceGrpc.getCreateBudgetMethod) == null) {
          BillingServiceGrpc.getCreateBudgetMethod = getCreateBudgetMethod =
              io.grpc.MethodDescriptor.<tw.jipan.cloud.v1.CreateBudgetRequest, tw.jipan.cloud.v1.CreateBudgetResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateBudget"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.CreateBudgetRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.CreateBudgetResponse.getDefaultInstance()))
              .setSchemaDescriptor(new BillingServiceMethodDescriptorSupplier("CreateBudget"))
              .build();
        }
      }
    }
    return getCreateBudgetMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ListBudgetsRequest,
      tw.jipan.cloud.v1.ListBudgetsResponse> getListBudgetsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListBudgets",
      requestType = tw.jipan.cloud.v1.ListBudgetsRequest.class,
      responseType = tw.jipan.cloud.v1.ListBudgetsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ListBudgetsRequest,
      tw.jipan.cloud.v1.ListBudgetsResponse> getListBudgetsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ListBudgetsRequest, tw.jipan.cloud.v1.ListBudgetsResponse> getListBudgetsMethod;
    if ((getListBudgetsMethod = BillingServiceGrpc.getListBudgetsMethod) == null) {
      synchronized (BillingServiceGrpc.class) {
        if ((getListBudgetsMethod = BillingServiceGrpc.getListBudgetsMethod) == null) {
          BillingServiceGrpc.getListBudgetsMethod = getListBudgetsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.cloud.v1.ListBudgetsRequest, tw.jipan.cloud.v1.ListBudgetsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListBudgets"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.ListBudgetsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.ListBudgetsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new BillingServiceMethodDescriptorSupplier("ListBudgets"))
              .build();
        }
      }
    }
    return getListBudgetsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ListNotificationsRequest,
      tw.jipan.cloud.v1.ListNotificationsResponse> getListNotificationsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListNotifications",
      requestType = tw.jipan.cloud.v1.ListNotificationsRequest.class,
      responseType = tw.jipan.cloud.v1.ListNotificationsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ListNotificationsRequest,
      tw.jipan.cloud.v1.ListNotificationsResponse> getListNotificationsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ListNotificationsRequest, tw.jipan.cloud.v1.ListNotificationsResponse> getListNotificationsMethod;
    if ((getListNotificationsMethod = BillingServiceGrpc.getListNotificationsMethod) == null) {
      synchronized (BillingServiceGrpc.class) {
        if ((getListNotificationsMethod = BillingServiceGrpc.getListNotificationsMethod) == null) {
          BillingServiceGrpc.getListNotificationsMethod = getListNotificationsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.cloud.v1.ListNotificationsRequest, tw.jipan.cloud.v1.ListNotificationsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListNotifications"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.ListNotificationsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.ListNotificationsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new BillingServiceMethodDescriptorSupplier("ListNotifications"))
              .build();
        }
      }
    }
    return getListNotificationsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.cloud.v1.StreamNotificationsRequest,
      tw.jipan.cloud.v1.StreamNotificationsResponse> getStreamNotificationsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "StreamNotifications",
      requestType = tw.jipan.cloud.v1.StreamNotificationsRequest.class,
      responseType = tw.jipan.cloud.v1.StreamNotificationsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<tw.jipan.cloud.v1.StreamNotificationsRequest,
      tw.jipan.cloud.v1.StreamNotificationsResponse> getStreamNotificationsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.cloud.v1.StreamNotificationsRequest, tw.jipan.cloud.v1.StreamNotificationsResponse> getStreamNotificationsMethod;
    if ((getStreamNotificationsMethod = BillingServiceGrpc.getStreamNotificationsMethod) == null) {
      synchronized (BillingServiceGrpc.class) {
        if ((getStreamNotificationsMethod = BillingServiceGrpc.getStreamNotificationsMethod) == null) {
          BillingServiceGrpc.getStreamNotificationsMethod = getStreamNotificationsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.cloud.v1.StreamNotificationsRequest, tw.jipan.cloud.v1.StreamNotificationsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "StreamNotifications"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.StreamNotificationsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.StreamNotificationsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new BillingServiceMethodDescriptorSupplier("StreamNotifications"))
              .build();
        }
      }
    }
    return getStreamNotificationsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ForecastCostsRequest,
      tw.jipan.cloud.v1.ForecastCostsResponse> getForecastCostsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ForecastCosts",
      requestType = tw.jipan.cloud.v1.ForecastCostsRequest.class,
      responseType = tw.jipan.cloud.v1.ForecastCostsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ForecastCostsRequest,
      tw.jipan.cloud.v1.ForecastCostsResponse> getForecastCostsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ForecastCostsRequest, tw.jipan.cloud.v1.ForecastCostsResponse> getForecastCostsMethod;
    if ((getForecastCostsMethod = BillingServiceGrpc.getForecastCostsMethod) == null) {
      synchronized (BillingServiceGrpc.class) {
        if ((getForecastCostsMethod = BillingServiceGrpc.getForecastCostsMethod) == null) {
          BillingServiceGrpc.getForecastCostsMethod = getForecastCostsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.cloud.v1.ForecastCostsRequest, tw.jipan.cloud.v1.ForecastCostsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ForecastCosts"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.ForecastCostsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.ForecastCostsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new BillingServiceMethodDescriptorSupplier("ForecastCosts"))
              .build();
        }
      }
    }
    return getForecastCostsMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static BillingServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<BillingServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<BillingServiceStub>() {
        @java.lang.Override
        public BillingServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new BillingServiceStub(channel, callOptions);
        }
      };
    return BillingServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static BillingServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<BillingServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<BillingServiceBlockingStub>() {
        @java.lang.Override
        public BillingServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new BillingServiceBlockingStub(channel, callOptions);
        }
      };
    return BillingServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static BillingServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<BillingServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<BillingServiceFutureStub>() {
        @java.lang.Override
        public BillingServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new BillingServiceFutureStub(channel, callOptions);
        }
      };
    return BillingServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * One bill over every provider: cost exports imported into FinOps FOCUS 1.2
   * rows (every mandatory column validated), costs grouped by organisation,
   * project, tag, service and month (UTC+8), FOCUS exports as CSV or
   * Parquet, budgets whose thresholds raise notifications, and a daily cost
   * forecast with 80 % and 95 % prediction intervals.
   * </pre>
   */
  public static abstract class BillingServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Imports one provider cost export into FOCUS rows.
     * </pre>
     */
    public void importCostExport(tw.jipan.cloud.v1.ImportCostExportRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ImportCostExportResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getImportCostExportMethod(), responseObserver);
    }

    /**
     * <pre>
     * Imports an export too large for one ImportCostExport message: the
     * header first, then the export's bytes in chunks, in order; at most
     * 160 MiB in all (gzip or not). Otherwise the same import: idempotent by
     * request id and by the export's SHA-256, stored whole or not at all.
     * </pre>
     */
    public io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.StreamCostExportRequest> streamCostExport(
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.StreamCostExportResponse> responseObserver) {
      return io.grpc.stub.ServerCalls.asyncUnimplementedStreamingCall(getStreamCostExportMethod(), responseObserver);
    }

    /**
     * <pre>
     * Sums EffectiveCost in TWD grouped by one dimension over a range.
     * </pre>
     */
    public void queryCosts(tw.jipan.cloud.v1.QueryCostsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.QueryCostsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getQueryCostsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Streams the organisation's FOCUS rows of a range as CSV or Parquet, in
     * chunks of at most 1 MiB.
     * </pre>
     */
    public void exportFocus(tw.jipan.cloud.v1.ExportFocusRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ExportFocusResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getExportFocusMethod(), responseObserver);
    }

    /**
     * <pre>
     * Creates a monthly budget.
     * </pre>
     */
    public void createBudget(tw.jipan.cloud.v1.CreateBudgetRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.CreateBudgetResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateBudgetMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the organisation's budgets, oldest first.
     * </pre>
     */
    public void listBudgets(tw.jipan.cloud.v1.ListBudgetsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ListBudgetsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListBudgetsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists budget notifications, newest first.
     * </pre>
     */
    public void listNotifications(tw.jipan.cloud.v1.ListNotificationsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ListNotificationsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListNotificationsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Streams notifications as they are raised, from now on.
     * </pre>
     */
    public void streamNotifications(tw.jipan.cloud.v1.StreamNotificationsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.StreamNotificationsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getStreamNotificationsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Forecasts daily cost to the end of the month and `horizon_days` ahead.
     * </pre>
     */
    public void forecastCosts(tw.jipan.cloud.v1.ForecastCostsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ForecastCostsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getForecastCostsMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getImportCostExportMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.cloud.v1.ImportCostExportRequest,
                tw.jipan.cloud.v1.ImportCostExportResponse>(
                  this, METHODID_IMPORT_COST_EXPORT)))
          .addMethod(
            getStreamCostExportMethod(),
            io.grpc.stub.ServerCalls.asyncClientStreamingCall(
              new MethodHandlers<
                tw.jipan.cloud.v1.StreamCostExportRequest,
                tw.jipan.cloud.v1.StreamCostExportResponse>(
                  this, METHODID_STREAM_COST_EXPORT)))
          .addMethod(
            getQueryCostsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.cloud.v1.QueryCostsRequest,
                tw.jipan.cloud.v1.QueryCostsResponse>(
                  this, METHODID_QUERY_COSTS)))
          .addMethod(
            getExportFocusMethod(),
            io.grpc.stub.ServerCalls.asyncServerStreamingCall(
              new MethodHandlers<
                tw.jipan.cloud.v1.ExportFocusRequest,
                tw.jipan.cloud.v1.ExportFocusResponse>(
                  this, METHODID_EXPORT_FOCUS)))
          .addMethod(
            getCreateBudgetMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.cloud.v1.CreateBudgetRequest,
                tw.jipan.cloud.v1.CreateBudgetResponse>(
                  this, METHODID_CREATE_BUDGET)))
          .addMethod(
            getListBudgetsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.cloud.v1.ListBudgetsRequest,
                tw.jipan.cloud.v1.ListBudgetsResponse>(
                  this, METHODID_LIST_BUDGETS)))
          .addMethod(
            getListNotificationsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.cloud.v1.ListNotificationsRequest,
                tw.jipan.cloud.v1.ListNotificationsResponse>(
                  this, METHODID_LIST_NOTIFICATIONS)))
          .addMethod(
            getStreamNotificationsMethod(),
            io.grpc.stub.ServerCalls.asyncServerStreamingCall(
              new MethodHandlers<
                tw.jipan.cloud.v1.StreamNotificationsRequest,
                tw.jipan.cloud.v1.StreamNotificationsResponse>(
                  this, METHODID_STREAM_NOTIFICATIONS)))
          .addMethod(
            getForecastCostsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.cloud.v1.ForecastCostsRequest,
                tw.jipan.cloud.v1.ForecastCostsResponse>(
                  this, METHODID_FORECAST_COSTS)))
          .build();
    }
  }

  /**
   * <pre>
   * One bill over every provider: cost exports imported into FinOps FOCUS 1.2
   * rows (every mandatory column validated), costs grouped by organisation,
   * project, tag, service and month (UTC+8), FOCUS exports as CSV or
   * Parquet, budgets whose thresholds raise notifications, and a daily cost
   * forecast with 80 % and 95 % prediction intervals.
   * </pre>
   */
  public static final class BillingServiceStub extends io.grpc.stub.AbstractAsyncStub<BillingServiceStub> {
    private BillingServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected BillingServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new BillingServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Imports one provider cost export into FOCUS rows.
     * </pre>
     */
    public void importCostExport(tw.jipan.cloud.v1.ImportCostExportRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ImportCostExportResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getImportCostExportMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Imports an export too large for one ImportCostExport message: the
     * header first, then the export's bytes in chunks, in order; at most
     * 160 MiB in all (gzip or not). Otherwise the same import: idempotent by
     * request id and by the export's SHA-256, stored whole or not at all.
     * </pre>
     */
    public io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.StreamCostExportRequest> streamCostExport(
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.StreamCostExportResponse> responseObserver) {
      return io.grpc.stub.ClientCalls.asyncClientStreamingCall(
          getChannel().newCall(getStreamCostExportMethod(), getCallOptions()), responseObserver);
    }

    /**
     * <pre>
     * Sums EffectiveCost in TWD grouped by one dimension over a range.
     * </pre>
     */
    public void queryCosts(tw.jipan.cloud.v1.QueryCostsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.QueryCostsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getQueryCostsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Streams the organisation's FOCUS rows of a range as CSV or Parquet, in
     * chunks of at most 1 MiB.
     * </pre>
     */
    public void exportFocus(tw.jipan.cloud.v1.ExportFocusRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ExportFocusResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getExportFocusMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Creates a monthly budget.
     * </pre>
     */
    public void createBudget(tw.jipan.cloud.v1.CreateBudgetRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.CreateBudgetResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateBudgetMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the organisation's budgets, oldest first.
     * </pre>
     */
    public void listBudgets(tw.jipan.cloud.v1.ListBudgetsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ListBudgetsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListBudgetsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists budget notifications, newest first.
     * </pre>
     */
    public void listNotifications(tw.jipan.cloud.v1.ListNotificationsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ListNotificationsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListNotificationsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Streams notifications as they are raised, from now on.
     * </pre>
     */
    public void streamNotifications(tw.jipan.cloud.v1.StreamNotificationsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.StreamNotificationsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getStreamNotificationsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Forecasts daily cost to the end of the month and `horizon_days` ahead.
     * </pre>
     */
    public void forecastCosts(tw.jipan.cloud.v1.ForecastCostsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ForecastCostsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getForecastCostsMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * One bill over every provider: cost exports imported into FinOps FOCUS 1.2
   * rows (every mandatory column validated), costs grouped by organisation,
   * project, tag, service and month (UTC+8), FOCUS exports as CSV or
   * Parquet, budgets whose thresholds raise notifications, and a daily cost
   * forecast with 80 % and 95 % prediction intervals.
   * </pre>
   */
  public static final class BillingServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<BillingServiceBlockingStub> {
    private BillingServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected BillingServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new BillingServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Imports one provider cost export into FOCUS rows.
     * </pre>
     */
    public tw.jipan.cloud.v1.ImportCostExportResponse importCostExport(tw.jipan.cloud.v1.ImportCostExportRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getImportCostExportMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Sums EffectiveCost in TWD grouped by one dimension over a range.
     * </pre>
     */
    public tw.jipan.cloud.v1.QueryCostsResponse queryCosts(tw.jipan.cloud.v1.QueryCostsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getQueryCostsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Streams the organisation's FOCUS rows of a range as CSV or Parquet, in
     * chunks of at most 1 MiB.
     * </pre>
     */
    public java.util.Iterator<tw.jipan.cloud.v1.ExportFocusResponse> exportFocus(
        tw.jipan.cloud.v1.ExportFocusRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getExportFocusMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Creates a monthly budget.
     * </pre>
     */
    public tw.jipan.cloud.v1.CreateBudgetResponse createBudget(tw.jipan.cloud.v1.CreateBudgetRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateBudgetMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the organisation's budgets, oldest first.
     * </pre>
     */
    public tw.jipan.cloud.v1.ListBudgetsResponse listBudgets(tw.jipan.cloud.v1.ListBudgetsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListBudgetsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists budget notifications, newest first.
     * </pre>
     */
    public tw.jipan.cloud.v1.ListNotificationsResponse listNotifications(tw.jipan.cloud.v1.ListNotificationsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListNotificationsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Streams notifications as they are raised, from now on.
     * </pre>
     */
    public java.util.Iterator<tw.jipan.cloud.v1.StreamNotificationsResponse> streamNotifications(
        tw.jipan.cloud.v1.StreamNotificationsRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getStreamNotificationsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Forecasts daily cost to the end of the month and `horizon_days` ahead.
     * </pre>
     */
    public tw.jipan.cloud.v1.ForecastCostsResponse forecastCosts(tw.jipan.cloud.v1.ForecastCostsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getForecastCostsMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * One bill over every provider: cost exports imported into FinOps FOCUS 1.2
   * rows (every mandatory column validated), costs grouped by organisation,
   * project, tag, service and month (UTC+8), FOCUS exports as CSV or
   * Parquet, budgets whose thresholds raise notifications, and a daily cost
   * forecast with 80 % and 95 % prediction intervals.
   * </pre>
   */
  public static final class BillingServiceFutureStub extends io.grpc.stub.AbstractFutureStub<BillingServiceFutureStub> {
    private BillingServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected BillingServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new BillingServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Imports one provider cost export into FOCUS rows.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.cloud.v1.ImportCostExportResponse> importCostExport(
        tw.jipan.cloud.v1.ImportCostExportRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getImportCostExportMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Sums EffectiveCost in TWD grouped by one dimension over a range.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.cloud.v1.QueryCostsResponse> queryCosts(
        tw.jipan.cloud.v1.QueryCostsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getQueryCostsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Creates a monthly budget.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.cloud.v1.CreateBudgetResponse> createBudget(
        tw.jipan.cloud.v1.CreateBudgetRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateBudgetMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the organisation's budgets, oldest first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.cloud.v1.ListBudgetsResponse> listBudgets(
        tw.jipan.cloud.v1.ListBudgetsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListBudgetsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists budget notifications, newest first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.cloud.v1.ListNotificationsResponse> listNotifications(
        tw.jipan.cloud.v1.ListNotificationsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListNotificationsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Forecasts daily cost to the end of the month and `horizon_days` ahead.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.cloud.v1.ForecastCostsResponse> forecastCosts(
        tw.jipan.cloud.v1.ForecastCostsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getForecastCostsMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_IMPORT_COST_EXPORT = 0;
  private static final int METHODID_QUERY_COSTS = 1;
  private static final int METHODID_EXPORT_FOCUS = 2;
  private static final int METHODID_CREATE_BUDGET = 3;
  private static final int METHODID_LIST_BUDGETS = 4;
  private static final int METHODID_LIST_NOTIFICATIONS = 5;
  private static final int METHODID_STREAM_NOTIFICATIONS = 6;
  private static final int METHODID_FORECAST_COSTS = 7;
  private static final int METHODID_STREAM_COST_EXPORT = 8;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final BillingServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(BillingServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_IMPORT_COST_EXPORT:
          serviceImpl.importCostExport((tw.jipan.cloud.v1.ImportCostExportRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ImportCostExportResponse>) responseObserver);
          break;
        case METHODID_QUERY_COSTS:
          serviceImpl.queryCosts((tw.jipan.cloud.v1.QueryCostsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.QueryCostsResponse>) responseObserver);
          break;
        case METHODID_EXPORT_FOCUS:
          serviceImpl.exportFocus((tw.jipan.cloud.v1.ExportFocusRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ExportFocusResponse>) responseObserver);
          break;
        case METHODID_CREATE_BUDGET:
          serviceImpl.createBudget((tw.jipan.cloud.v1.CreateBudgetRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.CreateBudgetResponse>) responseObserver);
          break;
        case METHODID_LIST_BUDGETS:
          serviceImpl.listBudgets((tw.jipan.cloud.v1.ListBudgetsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ListBudgetsResponse>) responseObserver);
          break;
        case METHODID_LIST_NOTIFICATIONS:
          serviceImpl.listNotifications((tw.jipan.cloud.v1.ListNotificationsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ListNotificationsResponse>) responseObserver);
          break;
        case METHODID_STREAM_NOTIFICATIONS:
          serviceImpl.streamNotifications((tw.jipan.cloud.v1.StreamNotificationsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.StreamNotificationsResponse>) responseObserver);
          break;
        case METHODID_FORECAST_COSTS:
          serviceImpl.forecastCosts((tw.jipan.cloud.v1.ForecastCostsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ForecastCostsResponse>) responseObserver);
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
        case METHODID_STREAM_COST_EXPORT:
          return (io.grpc.stub.StreamObserver<Req>) serviceImpl.streamCostExport(
              (io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.StreamCostExportResponse>) responseObserver);
        default:
          throw new AssertionError();
      }
    }
  }

  private static abstract class BillingServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    BillingServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.cloud.v1.BillingServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("BillingService");
    }
  }

  private static final class BillingServiceFileDescriptorSupplier
      extends BillingServiceBaseDescriptorSupplier {
    BillingServiceFileDescriptorSupplier() {}
  }

  private static final class BillingServiceMethodDescriptorSupplier
      extends BillingServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    BillingServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (BillingServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new BillingServiceFileDescriptorSupplier())
              .addMethod(getImportCostExportMethod())
              .addMethod(getStreamCostExportMethod())
              .addMethod(getQueryCostsMethod())
              .addMethod(getExportFocusMethod())
              .addMethod(getCreateBudgetMethod())
              .addMethod(getListBudgetsMethod())
              .addMethod(getListNotificationsMethod())
              .addMethod(getStreamNotificationsMethod())
              .addMethod(getForecastCostsMethod())
              .build();
        }
      }
    }
    return result;
  }
}
