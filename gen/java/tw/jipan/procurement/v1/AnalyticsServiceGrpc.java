package tw.jipan.procurement.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Sales analytics over agencies' orders: SQL aggregates, never order rows.
 * What counts as a sale: an order the vendor has confirmed, i.e. in state
 * CONFIRMED, DELIVERED, ACCEPTED, DISPUTED or PAID. PLACED orders are not yet
 * sales (the vendor may still refuse them) and are never counted. Amounts are
 * TWD minor units (the only currency listings are priced in).
 * Months are calendar months in Taiwan time (UTC+8, Asia/Taipei, which has no
 * daylight saving): an order belongs to the month its `create_time` falls in
 * at UTC+8, so an order placed 2026-01-31T17:00:00Z counts in "2026-02".
 * Views, chosen by `parent`:
 * - "agencies/{agency}": the agency's own spending, in full; for the agency's
 *   own staff (role procurement-buyer) and platform operators.
 * - "vendors/{vendor}": the vendor's own sales, in full; for the vendor's own
 *   staff (role procurement-vendor) and platform operators.
 * - "market": every sale on the platform. Platform operators
 *   (procurement-admin) see it in full. Everyone else sees it k-anonymised,
 *   on base cells: the sales of one listing in one month (UTC+8), the finest
 *   unit any query of the view can select. A base cell whose orders come
 *   from fewer than K distinct agencies is withheld from every result (the
 *   threshold rule applied by the privacy service,
 *   jipan.privacy.v1.PrivacyService/SuppressCells), and every figure is the
 *   sum of the published base cells it covers. So no two queries, however
 *   they overlap, subtract to a withheld base cell: their difference is
 *   made of published base cells only. A group with sales but no published
 *   base cell is returned with `suppressed` set and no figures; a group
 *   with some withheld base cells has `partially_suppressed` set and the
 *   figures of its published ones. A base cell of K or more agencies has at
 *   least K orders too. K is the server's `JIPAN_PROCUREMENT_K_ANONYMITY`
 *   (default 5). Suppressed cells come after the shown ones, ordered by their
 *   key only (months stay in calendar order), so their place leaks nothing
 *   about their size. k-anonymised views take time ranges on whole months
 *   (UTC+8) only, and cannot be grouped by agency; filtered on one agency,
 *   every base cell has one agency and is withheld.
 *   Besides the threshold rule, a base cell is withheld under the (2, 85 %)
 *   dominance rule: when its two largest agencies (by the cell's total)
 *   make 85 % or more of it.
 *   Closed, frozen periods: a k-anonymised view counts only released months.
 *   A month (UTC+8) is released once it is over and the server's release
 *   lag (`JIPAN_PROCUREMENT_ANALYTICS_RELEASE_LAG_DAYS`, default 7) has
 *   passed, for late confirmations; at its first k-anonymised read after
 *   that, its base cells are frozen as they then are, and every later
 *   k-anonymised read answers from that snapshot: an order confirmed, or
 *   its state changed, afterwards never changes a published figure, so two
 *   reads at two times cannot subtract to one agency's order. Sales of
 *   months not yet released are not counted (trend points of such months
 *   are `unpublished`); each response names the last released month.
 * Results carry organisation ids only: no person's data is ever aggregated or
 * returned.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/procurement/v1/analytics_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class AnalyticsServiceGrpc {

  private AnalyticsServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.procurement.v1.AnalyticsService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.AggregateSalesRequest,
      tw.jipan.procurement.v1.AggregateSalesResponse> getAggregateSalesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "AggregateSales",
      requestType = tw.jipan.procurement.v1.AggregateSalesRequest.class,
      responseType = tw.jipan.procurement.v1.AggregateSalesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.AggregateSalesRequest,
      tw.jipan.procurement.v1.AggregateSalesResponse> getAggregateSalesMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.AggregateSalesRequest, tw.jipan.procurement.v1.AggregateSalesResponse> getAggregateSalesMethod;
    if ((getAggregateSalesMethod = AnalyticsServiceGrpc.getAggregateSalesMethod) == null) {
      synchronized (AnalyticsServiceGrpc.class) {
        if ((getAggregateSalesMethod = AnalyticsServiceGrpc.getAggregateSalesMethod) == null) {
          AnalyticsServiceGrpc.getAggregateSalesMethod = getAggregateSalesMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.AggregateSalesRequest, tw.jipan.procurement.v1.AggregateSalesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "AggregateSales"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.AggregateSalesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.AggregateSalesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AnalyticsServiceMethodDescriptorSupplier("AggregateSales"))
              .build();
        }
      }
    }
    return getAggregateSalesMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ComputeSalesTrendRequest,
      tw.jipan.procurement.v1.ComputeSalesTrendResponse> getComputeSalesTrendMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ComputeSalesTrend",
      requestType = tw.jipan.procurement.v1.ComputeSalesTrendRequest.class,
      responseType = tw.jipan.procurement.v1.ComputeSalesTrendResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ComputeSalesTrendRequest,
      tw.jipan.procurement.v1.ComputeSalesTrendResponse> getComputeSalesTrendMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ComputeSalesTrendRequest, tw.jipan.procurement.v1.ComputeSalesTrendResponse> getComputeSalesTrendMethod;
    if ((getComputeSalesTrendMethod = AnalyticsServiceGrpc.getComputeSalesTrendMethod) == null) {
      synchronized (AnalyticsServiceGrpc.class) {
        if ((getComputeSalesTrendMethod = AnalyticsServiceGrpc.getComputeSalesTrendMethod) == null) {
          AnalyticsServiceGrpc.getComputeSalesTrendMethod = getComputeSalesTrendMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.ComputeSalesTrendRequest, tw.jipan.procurement.v1.ComputeSalesTrendResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ComputeSalesTrend"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.ComputeSalesTrendRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.ComputeSalesTrendResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AnalyticsServiceMethodDescriptorSupplier("ComputeSalesTrend"))
              .build();
        }
      }
    }
    return getComputeSalesTrendMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.RankProductsRequest,
      tw.jipan.procurement.v1.RankProductsResponse> getRankProductsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RankProducts",
      requestType = tw.jipan.procurement.v1.RankProductsRequest.class,
      responseType = tw.jipan.procurement.v1.RankProductsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.RankProductsRequest,
      tw.jipan.procurement.v1.RankProductsResponse> getRankProductsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.RankProductsRequest, tw.jipan.procurement.v1.RankProductsResponse> getRankProductsMethod;
    if ((getRankProductsMethod = AnalyticsServiceGrpc.getRankProductsMethod) == null) {
      synchronized (AnalyticsServiceGrpc.class) {
        if ((getRankProductsMethod = AnalyticsServiceGrpc.getRankProductsMethod) == null) {
          AnalyticsServiceGrpc.getRankProductsMethod = getRankProductsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.RankProductsRequest, tw.jipan.procurement.v1.RankProductsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RankProducts"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.RankProductsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.RankProductsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AnalyticsServiceMethodDescriptorSupplier("RankProducts"))
              .build();
        }
      }
    }
    return getRankProductsMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static AnalyticsServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<AnalyticsServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<AnalyticsServiceStub>() {
        @java.lang.Override
        public AnalyticsServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new AnalyticsServiceStub(channel, callOptions);
        }
      };
    return AnalyticsServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static AnalyticsServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<AnalyticsServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<AnalyticsServiceBlockingStub>() {
        @java.lang.Override
        public AnalyticsServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new AnalyticsServiceBlockingStub(channel, callOptions);
        }
      };
    return AnalyticsServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static AnalyticsServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<AnalyticsServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<AnalyticsServiceFutureStub>() {
        @java.lang.Override
        public AnalyticsServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new AnalyticsServiceFutureStub(channel, callOptions);
        }
      };
    return AnalyticsServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Sales analytics over agencies' orders: SQL aggregates, never order rows.
   * What counts as a sale: an order the vendor has confirmed, i.e. in state
   * CONFIRMED, DELIVERED, ACCEPTED, DISPUTED or PAID. PLACED orders are not yet
   * sales (the vendor may still refuse them) and are never counted. Amounts are
   * TWD minor units (the only currency listings are priced in).
   * Months are calendar months in Taiwan time (UTC+8, Asia/Taipei, which has no
   * daylight saving): an order belongs to the month its `create_time` falls in
   * at UTC+8, so an order placed 2026-01-31T17:00:00Z counts in "2026-02".
   * Views, chosen by `parent`:
   * - "agencies/{agency}": the agency's own spending, in full; for the agency's
   *   own staff (role procurement-buyer) and platform operators.
   * - "vendors/{vendor}": the vendor's own sales, in full; for the vendor's own
   *   staff (role procurement-vendor) and platform operators.
   * - "market": every sale on the platform. Platform operators
   *   (procurement-admin) see it in full. Everyone else sees it k-anonymised,
   *   on base cells: the sales of one listing in one month (UTC+8), the finest
   *   unit any query of the view can select. A base cell whose orders come
   *   from fewer than K distinct agencies is withheld from every result (the
   *   threshold rule applied by the privacy service,
   *   jipan.privacy.v1.PrivacyService/SuppressCells), and every figure is the
   *   sum of the published base cells it covers. So no two queries, however
   *   they overlap, subtract to a withheld base cell: their difference is
   *   made of published base cells only. A group with sales but no published
   *   base cell is returned with `suppressed` set and no figures; a group
   *   with some withheld base cells has `partially_suppressed` set and the
   *   figures of its published ones. A base cell of K or more agencies has at
   *   least K orders too. K is the server's `JIPAN_PROCUREMENT_K_ANONYMITY`
   *   (default 5). Suppressed cells come after the shown ones, ordered by their
   *   key only (months stay in calendar order), so their place leaks nothing
   *   about their size. k-anonymised views take time ranges on whole months
   *   (UTC+8) only, and cannot be grouped by agency; filtered on one agency,
   *   every base cell has one agency and is withheld.
   *   Besides the threshold rule, a base cell is withheld under the (2, 85 %)
   *   dominance rule: when its two largest agencies (by the cell's total)
   *   make 85 % or more of it.
   *   Closed, frozen periods: a k-anonymised view counts only released months.
   *   A month (UTC+8) is released once it is over and the server's release
   *   lag (`JIPAN_PROCUREMENT_ANALYTICS_RELEASE_LAG_DAYS`, default 7) has
   *   passed, for late confirmations; at its first k-anonymised read after
   *   that, its base cells are frozen as they then are, and every later
   *   k-anonymised read answers from that snapshot: an order confirmed, or
   *   its state changed, afterwards never changes a published figure, so two
   *   reads at two times cannot subtract to one agency's order. Sales of
   *   months not yet released are not counted (trend points of such months
   *   are `unpublished`); each response names the last released month.
   * Results carry organisation ids only: no person's data is ever aggregated or
   * returned.
   * </pre>
   */
  public static abstract class AnalyticsServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Sales grouped by one dimension (category, vendor, agency, month), with
     * order count, quantity, total and the number of distinct agencies per
     * group. Months come oldest first; other groups by total, largest first.
     * </pre>
     */
    public void aggregateSales(tw.jipan.procurement.v1.AggregateSalesRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.AggregateSalesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getAggregateSalesMethod(), responseObserver);
    }

    /**
     * <pre>
     * A month-by-month series of sales matching a filter, one point per month
     * of the range (months without sales are zero points).
     * </pre>
     */
    public void computeSalesTrend(tw.jipan.procurement.v1.ComputeSalesTrendRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ComputeSalesTrendResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getComputeSalesTrendMethod(), responseObserver);
    }

    /**
     * <pre>
     * Listings ranked by revenue or by quantity sold.
     * </pre>
     */
    public void rankProducts(tw.jipan.procurement.v1.RankProductsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.RankProductsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRankProductsMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getAggregateSalesMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.AggregateSalesRequest,
                tw.jipan.procurement.v1.AggregateSalesResponse>(
                  this, METHODID_AGGREGATE_SALES)))
          .addMethod(
            getComputeSalesTrendMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.ComputeSalesTrendRequest,
                tw.jipan.procurement.v1.ComputeSalesTrendResponse>(
                  this, METHODID_COMPUTE_SALES_TREND)))
          .addMethod(
            getRankProductsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.RankProductsRequest,
                tw.jipan.procurement.v1.RankProductsResponse>(
                  this, METHODID_RANK_PRODUCTS)))
          .build();
    }
  }

  /**
   * <pre>
   * Sales analytics over agencies' orders: SQL aggregates, never order rows.
   * What counts as a sale: an order the vendor has confirmed, i.e. in state
   * CONFIRMED, DELIVERED, ACCEPTED, DISPUTED or PAID. PLACED orders are not yet
   * sales (the vendor may still refuse them) and are never counted. Amounts are
   * TWD minor units (the only currency listings are priced in).
   * Months are calendar months in Taiwan time (UTC+8, Asia/Taipei, which has no
   * daylight saving): an order belongs to the month its `create_time` falls in
   * at UTC+8, so an order placed 2026-01-31T17:00:00Z counts in "2026-02".
   * Views, chosen by `parent`:
   * - "agencies/{agency}": the agency's own spending, in full; for the agency's
   *   own staff (role procurement-buyer) and platform operators.
   * - "vendors/{vendor}": the vendor's own sales, in full; for the vendor's own
   *   staff (role procurement-vendor) and platform operators.
   * - "market": every sale on the platform. Platform operators
   *   (procurement-admin) see it in full. Everyone else sees it k-anonymised,
   *   on base cells: the sales of one listing in one month (UTC+8), the finest
   *   unit any query of the view can select. A base cell whose orders come
   *   from fewer than K distinct agencies is withheld from every result (the
   *   threshold rule applied by the privacy service,
   *   jipan.privacy.v1.PrivacyService/SuppressCells), and every figure is the
   *   sum of the published base cells it covers. So no two queries, however
   *   they overlap, subtract to a withheld base cell: their difference is
   *   made of published base cells only. A group with sales but no published
   *   base cell is returned with `suppressed` set and no figures; a group
   *   with some withheld base cells has `partially_suppressed` set and the
   *   figures of its published ones. A base cell of K or more agencies has at
   *   least K orders too. K is the server's `JIPAN_PROCUREMENT_K_ANONYMITY`
   *   (default 5). Suppressed cells come after the shown ones, ordered by their
   *   key only (months stay in calendar order), so their place leaks nothing
   *   about their size. k-anonymised views take time ranges on whole months
   *   (UTC+8) only, and cannot be grouped by agency; filtered on one agency,
   *   every base cell has one agency and is withheld.
   *   Besides the threshold rule, a base cell is withheld under the (2, 85 %)
   *   dominance rule: when its two largest agencies (by the cell's total)
   *   make 85 % or more of it.
   *   Closed, frozen periods: a k-anonymised view counts only released months.
   *   A month (UTC+8) is released once it is over and the server's release
   *   lag (`JIPAN_PROCUREMENT_ANALYTICS_RELEASE_LAG_DAYS`, default 7) has
   *   passed, for late confirmations; at its first k-anonymised read after
   *   that, its base cells are frozen as they then are, and every later
   *   k-anonymised read answers from that snapshot: an order confirmed, or
   *   its state changed, afterwards never changes a published figure, so two
   *   reads at two times cannot subtract to one agency's order. Sales of
   *   months not yet released are not counted (trend points of such months
   *   are `unpublished`); each response names the last released month.
   * Results carry organisation ids only: no person's data is ever aggregated or
   * returned.
   * </pre>
   */
  public static final class AnalyticsServiceStub extends io.grpc.stub.AbstractAsyncStub<AnalyticsServiceStub> {
    private AnalyticsServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected AnalyticsServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new AnalyticsServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Sales grouped by one dimension (category, vendor, agency, month), with
     * order count, quantity, total and the number of distinct agencies per
     * group. Months come oldest first; other groups by total, largest first.
     * </pre>
     */
    public void aggregateSales(tw.jipan.procurement.v1.AggregateSalesRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.AggregateSalesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getAggregateSalesMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * A month-by-month series of sales matching a filter, one point per month
     * of the range (months without sales are zero points).
     * </pre>
     */
    public void computeSalesTrend(tw.jipan.procurement.v1.ComputeSalesTrendRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ComputeSalesTrendResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getComputeSalesTrendMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Listings ranked by revenue or by quantity sold.
     * </pre>
     */
    public void rankProducts(tw.jipan.procurement.v1.RankProductsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.RankProductsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRankProductsMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * Sales analytics over agencies' orders: SQL aggregates, never order rows.
   * What counts as a sale: an order the vendor has confirmed, i.e. in state
   * CONFIRMED, DELIVERED, ACCEPTED, DISPUTED or PAID. PLACED orders are not yet
   * sales (the vendor may still refuse them) and are never counted. Amounts are
   * TWD minor units (the only currency listings are priced in).
   * Months are calendar months in Taiwan time (UTC+8, Asia/Taipei, which has no
   * daylight saving): an order belongs to the month its `create_time` falls in
   * at UTC+8, so an order placed 2026-01-31T17:00:00Z counts in "2026-02".
   * Views, chosen by `parent`:
   * - "agencies/{agency}": the agency's own spending, in full; for the agency's
   *   own staff (role procurement-buyer) and platform operators.
   * - "vendors/{vendor}": the vendor's own sales, in full; for the vendor's own
   *   staff (role procurement-vendor) and platform operators.
   * - "market": every sale on the platform. Platform operators
   *   (procurement-admin) see it in full. Everyone else sees it k-anonymised,
   *   on base cells: the sales of one listing in one month (UTC+8), the finest
   *   unit any query of the view can select. A base cell whose orders come
   *   from fewer than K distinct agencies is withheld from every result (the
   *   threshold rule applied by the privacy service,
   *   jipan.privacy.v1.PrivacyService/SuppressCells), and every figure is the
   *   sum of the published base cells it covers. So no two queries, however
   *   they overlap, subtract to a withheld base cell: their difference is
   *   made of published base cells only. A group with sales but no published
   *   base cell is returned with `suppressed` set and no figures; a group
   *   with some withheld base cells has `partially_suppressed` set and the
   *   figures of its published ones. A base cell of K or more agencies has at
   *   least K orders too. K is the server's `JIPAN_PROCUREMENT_K_ANONYMITY`
   *   (default 5). Suppressed cells come after the shown ones, ordered by their
   *   key only (months stay in calendar order), so their place leaks nothing
   *   about their size. k-anonymised views take time ranges on whole months
   *   (UTC+8) only, and cannot be grouped by agency; filtered on one agency,
   *   every base cell has one agency and is withheld.
   *   Besides the threshold rule, a base cell is withheld under the (2, 85 %)
   *   dominance rule: when its two largest agencies (by the cell's total)
   *   make 85 % or more of it.
   *   Closed, frozen periods: a k-anonymised view counts only released months.
   *   A month (UTC+8) is released once it is over and the server's release
   *   lag (`JIPAN_PROCUREMENT_ANALYTICS_RELEASE_LAG_DAYS`, default 7) has
   *   passed, for late confirmations; at its first k-anonymised read after
   *   that, its base cells are frozen as they then are, and every later
   *   k-anonymised read answers from that snapshot: an order confirmed, or
   *   its state changed, afterwards never changes a published figure, so two
   *   reads at two times cannot subtract to one agency's order. Sales of
   *   months not yet released are not counted (trend points of such months
   *   are `unpublished`); each response names the last released month.
   * Results carry organisation ids only: no person's data is ever aggregated or
   * returned.
   * </pre>
   */
  public static final class AnalyticsServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<AnalyticsServiceBlockingStub> {
    private AnalyticsServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected AnalyticsServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new AnalyticsServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Sales grouped by one dimension (category, vendor, agency, month), with
     * order count, quantity, total and the number of distinct agencies per
     * group. Months come oldest first; other groups by total, largest first.
     * </pre>
     */
    public tw.jipan.procurement.v1.AggregateSalesResponse aggregateSales(tw.jipan.procurement.v1.AggregateSalesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getAggregateSalesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * A month-by-month series of sales matching a filter, one point per month
     * of the range (months without sales are zero points).
     * </pre>
     */
    public tw.jipan.procurement.v1.ComputeSalesTrendResponse computeSalesTrend(tw.jipan.procurement.v1.ComputeSalesTrendRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getComputeSalesTrendMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Listings ranked by revenue or by quantity sold.
     * </pre>
     */
    public tw.jipan.procurement.v1.RankProductsResponse rankProducts(tw.jipan.procurement.v1.RankProductsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRankProductsMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * Sales analytics over agencies' orders: SQL aggregates, never order rows.
   * What counts as a sale: an order the vendor has confirmed, i.e. in state
   * CONFIRMED, DELIVERED, ACCEPTED, DISPUTED or PAID. PLACED orders are not yet
   * sales (the vendor may still refuse them) and are never counted. Amounts are
   * TWD minor units (the only currency listings are priced in).
   * Months are calendar months in Taiwan time (UTC+8, Asia/Taipei, which has no
   * daylight saving): an order belongs to the month its `create_time` falls in
   * at UTC+8, so an order placed 2026-01-31T17:00:00Z counts in "2026-02".
   * Views, chosen by `parent`:
   * - "agencies/{agency}": the agency's own spending, in full; for the agency's
   *   own staff (role procurement-buyer) and platform operators.
   * - "vendors/{vendor}": the vendor's own sales, in full; for the vendor's own
   *   staff (role procurement-vendor) and platform operators.
   * - "market": every sale on the platform. Platform operators
   *   (procurement-admin) see it in full. Everyone else sees it k-anonymised,
   *   on base cells: the sales of one listing in one month (UTC+8), the finest
   *   unit any query of the view can select. A base cell whose orders come
   *   from fewer than K distinct agencies is withheld from every result (the
   *   threshold rule applied by the privacy service,
   *   jipan.privacy.v1.PrivacyService/SuppressCells), and every figure is the
   *   sum of the published base cells it covers. So no two queries, however
   *   they overlap, subtract to a withheld base cell: their difference is
   *   made of published base cells only. A group with sales but no published
   *   base cell is returned with `suppressed` set and no figures; a group
   *   with some withheld base cells has `partially_suppressed` set and the
   *   figures of its published ones. A base cell of K or more agencies has at
   *   least K orders too. K is the server's `JIPAN_PROCUREMENT_K_ANONYMITY`
   *   (default 5). Suppressed cells come after the shown ones, ordered by their
   *   key only (months stay in calendar order), so their place leaks nothing
   *   about their size. k-anonymised views take time ranges on whole months
   *   (UTC+8) only, and cannot be grouped by agency; filtered on one agency,
   *   every base cell has one agency and is withheld.
   *   Besides the threshold rule, a base cell is withheld under the (2, 85 %)
   *   dominance rule: when its two largest agencies (by the cell's total)
   *   make 85 % or more of it.
   *   Closed, frozen periods: a k-anonymised view counts only released months.
   *   A month (UTC+8) is released once it is over and the server's release
   *   lag (`JIPAN_PROCUREMENT_ANALYTICS_RELEASE_LAG_DAYS`, default 7) has
   *   passed, for late confirmations; at its first k-anonymised read after
   *   that, its base cells are frozen as they then are, and every later
   *   k-anonymised read answers from that snapshot: an order confirmed, or
   *   its state changed, afterwards never changes a published figure, so two
   *   reads at two times cannot subtract to one agency's order. Sales of
   *   months not yet released are not counted (trend points of such months
   *   are `unpublished`); each response names the last released month.
   * Results carry organisation ids only: no person's data is ever aggregated or
   * returned.
   * </pre>
   */
  public static final class AnalyticsServiceFutureStub extends io.grpc.stub.AbstractFutureStub<AnalyticsServiceFutureStub> {
    private AnalyticsServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected AnalyticsServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new AnalyticsServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Sales grouped by one dimension (category, vendor, agency, month), with
     * order count, quantity, total and the number of distinct agencies per
     * group. Months come oldest first; other groups by total, largest first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.AggregateSalesResponse> aggregateSales(
        tw.jipan.procurement.v1.AggregateSalesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getAggregateSalesMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * A month-by-month series of sales matching a filter, one point per month
     * of the range (months without sales are zero points).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.ComputeSalesTrendResponse> computeSalesTrend(
        tw.jipan.procurement.v1.ComputeSalesTrendRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getComputeSalesTrendMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Listings ranked by revenue or by quantity sold.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.RankProductsResponse> rankProducts(
        tw.jipan.procurement.v1.RankProductsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRankProductsMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_AGGREGATE_SALES = 0;
  private static final int METHODID_COMPUTE_SALES_TREND = 1;
  private static final int METHODID_RANK_PRODUCTS = 2;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final AnalyticsServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(AnalyticsServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_AGGREGATE_SALES:
          serviceImpl.aggregateSales((tw.jipan.procurement.v1.AggregateSalesRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.AggregateSalesResponse>) responseObserver);
          break;
        case METHODID_COMPUTE_SALES_TREND:
          serviceImpl.computeSalesTrend((tw.jipan.procurement.v1.ComputeSalesTrendRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ComputeSalesTrendResponse>) responseObserver);
          break;
        case METHODID_RANK_PRODUCTS:
          serviceImpl.rankProducts((tw.jipan.procurement.v1.RankProductsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.RankProductsResponse>) responseObserver);
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

  private static abstract class AnalyticsServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    AnalyticsServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.procurement.v1.AnalyticsServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("AnalyticsService");
    }
  }

  private static final class AnalyticsServiceFileDescriptorSupplier
      extends AnalyticsServiceBaseDescriptorSupplier {
    AnalyticsServiceFileDescriptorSupplier() {}
  }

  private static final class AnalyticsServiceMethodDescriptorSupplier
      extends AnalyticsServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    AnalyticsServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (AnalyticsServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new AnalyticsServiceFileDescriptorSupplier())
              .addMethod(getAggregateSalesMethod())
              .addMethod(getComputeSalesTrendMethod())
              .addMethod(getRankProductsMethod())
              .build();
        }
      }
    }
    return result;
  }
}
