package tw.jipan.procurement.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * The listing review gate. Software listings are reviewed on their CycloneDX
 * SBOM (known vulnerabilities from the OSV advisory store, licences), cloud
 * and service listings on their CNS 19086 SLA attestation. Every decision's
 * digest is anchored on the ledger. Importing advisories re-reviews only the
 * approved listings with an affected component and notifies their vendors.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/procurement/v1/review_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class ListingReviewServiceGrpc {

  private ListingReviewServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.procurement.v1.ListingReviewService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.SubmitListingRequest,
      tw.jipan.procurement.v1.SubmitListingResponse> getSubmitListingMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "SubmitListing",
      requestType = tw.jipan.procurement.v1.SubmitListingRequest.class,
      responseType = tw.jipan.procurement.v1.SubmitListingResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.SubmitListingRequest,
      tw.jipan.procurement.v1.SubmitListingResponse> getSubmitListingMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.SubmitListingRequest, tw.jipan.procurement.v1.SubmitListingResponse> getSubmitListingMethod;
    if ((getSubmitListingMethod = ListingReviewServiceGrpc.getSubmitListingMethod) == null) {
      synchronized (ListingReviewServiceGrpc.class) {
        if ((getSubmitListingMethod = ListingReviewServiceGrpc.getSubmitListingMethod) == null) {
          ListingReviewServiceGrpc.getSubmitListingMethod = getSubmitListingMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.SubmitListingRequest, tw.jipan.procurement.v1.SubmitListingResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "SubmitListing"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.SubmitListingRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.SubmitListingResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ListingReviewServiceMethodDescriptorSupplier("SubmitListing"))
              .build();
        }
      }
    }
    return getSubmitListingMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.GetReviewRequest,
      tw.jipan.procurement.v1.GetReviewResponse> getGetReviewMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetReview",
      requestType = tw.jipan.procurement.v1.GetReviewRequest.class,
      responseType = tw.jipan.procurement.v1.GetReviewResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.GetReviewRequest,
      tw.jipan.procurement.v1.GetReviewResponse> getGetReviewMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.GetReviewRequest, tw.jipan.procurement.v1.GetReviewResponse> getGetReviewMethod;
    if ((getGetReviewMethod = ListingReviewServiceGrpc.getGetReviewMethod) == null) {
      synchronized (ListingReviewServiceGrpc.class) {
        if ((getGetReviewMethod = ListingReviewServiceGrpc.getGetReviewMethod) == null) {
          ListingReviewServiceGrpc.getGetReviewMethod = getGetReviewMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.GetReviewRequest, tw.jipan.procurement.v1.GetReviewResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetReview"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.GetReviewRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.GetReviewResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ListingReviewServiceMethodDescriptorSupplier("GetReview"))
              .build();
        }
      }
    }
    return getGetReviewMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ListReviewsRequest,
      tw.jipan.procurement.v1.ListReviewsResponse> getListReviewsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListReviews",
      requestType = tw.jipan.procurement.v1.ListReviewsRequest.class,
      responseType = tw.jipan.procurement.v1.ListReviewsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ListReviewsRequest,
      tw.jipan.procurement.v1.ListReviewsResponse> getListReviewsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ListReviewsRequest, tw.jipan.procurement.v1.ListReviewsResponse> getListReviewsMethod;
    if ((getListReviewsMethod = ListingReviewServiceGrpc.getListReviewsMethod) == null) {
      synchronized (ListingReviewServiceGrpc.class) {
        if ((getListReviewsMethod = ListingReviewServiceGrpc.getListReviewsMethod) == null) {
          ListingReviewServiceGrpc.getListReviewsMethod = getListReviewsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.ListReviewsRequest, tw.jipan.procurement.v1.ListReviewsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListReviews"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.ListReviewsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.ListReviewsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ListingReviewServiceMethodDescriptorSupplier("ListReviews"))
              .build();
        }
      }
    }
    return getListReviewsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.AcceptFindingRiskRequest,
      tw.jipan.procurement.v1.AcceptFindingRiskResponse> getAcceptFindingRiskMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "AcceptFindingRisk",
      requestType = tw.jipan.procurement.v1.AcceptFindingRiskRequest.class,
      responseType = tw.jipan.procurement.v1.AcceptFindingRiskResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.AcceptFindingRiskRequest,
      tw.jipan.procurement.v1.AcceptFindingRiskResponse> getAcceptFindingRiskMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.AcceptFindingRiskRequest, tw.jipan.procurement.v1.AcceptFindingRiskResponse> getAcceptFindingRiskMethod;
    if ((getAcceptFindingRiskMethod = ListingReviewServiceGrpc.getAcceptFindingRiskMethod) == null) {
      synchronized (ListingReviewServiceGrpc.class) {
        if ((getAcceptFindingRiskMethod = ListingReviewServiceGrpc.getAcceptFindingRiskMethod) == null) {
          ListingReviewServiceGrpc.getAcceptFindingRiskMethod = getAcceptFindingRiskMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.AcceptFindingRiskRequest, tw.jipan.procurement.v1.AcceptFindingRiskResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "AcceptFindingRisk"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.AcceptFindingRiskRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.AcceptFindingRiskResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ListingReviewServiceMethodDescriptorSupplier("AcceptFindingRisk"))
              .build();
        }
      }
    }
    return getAcceptFindingRiskMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ImportAdvisoriesRequest,
      tw.jipan.procurement.v1.ImportAdvisoriesResponse> getImportAdvisoriesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ImportAdvisories",
      requestType = tw.jipan.procurement.v1.ImportAdvisoriesRequest.class,
      responseType = tw.jipan.procurement.v1.ImportAdvisoriesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ImportAdvisoriesRequest,
      tw.jipan.procurement.v1.ImportAdvisoriesResponse> getImportAdvisoriesMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ImportAdvisoriesRequest, tw.jipan.procurement.v1.ImportAdvisoriesResponse> getImportAdvisoriesMethod;
    if ((getImportAdvisoriesMethod = ListingReviewServiceGrpc.getImportAdvisoriesMethod) == null) {
      synchronized (ListingReviewServiceGrpc.class) {
        if ((getImportAdvisoriesMethod = ListingReviewServiceGrpc.getImportAdvisoriesMethod) == null) {
          ListingReviewServiceGrpc.getImportAdvisoriesMethod = getImportAdvisoriesMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.ImportAdvisoriesRequest, tw.jipan.procurement.v1.ImportAdvisoriesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ImportAdvisories"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.ImportAdvisoriesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.ImportAdvisoriesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ListingReviewServiceMethodDescriptorSupplier("ImportAdvisories"))
              .build();
        }
      }
    }
    return getImportAdvisoriesMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.MatchAdvisoriesRequest,
      tw.jipan.procurement.v1.MatchAdvisoriesResponse> getMatchAdvisoriesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "MatchAdvisories",
      requestType = tw.jipan.procurement.v1.MatchAdvisoriesRequest.class,
      responseType = tw.jipan.procurement.v1.MatchAdvisoriesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.MatchAdvisoriesRequest,
      tw.jipan.procurement.v1.MatchAdvisoriesResponse> getMatchAdvisoriesMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.MatchAdvisoriesRequest, tw.jipan.procurement.v1.MatchAdvisoriesResponse> getMatchAdvisoriesMethod;
    if ((getMatchAdvisoriesMethod = ListingReviewServiceGrpc.getMatchAdvisoriesMethod) == null) {
      synchronized (ListingReviewServiceGrpc.class) {
        if ((getMatchAdvisoriesMethod = ListingReviewServiceGrpc.getMatchAdvisoriesMethod) == null) {
          ListingReviewServiceGrpc.getMatchAdvisoriesMethod = getMatchAdvisoriesMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.MatchAdvisoriesRequest, tw.jipan.procurement.v1.MatchAdvisoriesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "MatchAdvisories"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.MatchAdvisoriesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.MatchAdvisoriesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ListingReviewServiceMethodDescriptorSupplier("MatchAdvisories"))
              .build();
        }
      }
    }
    return getMatchAdvisoriesMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ListNotificationsRequest,
      tw.jipan.procurement.v1.ListNotificationsResponse> getListNotificationsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListNotifications",
      requestType = tw.jipan.procurement.v1.ListNotificationsRequest.class,
      responseType = tw.jipan.procurement.v1.ListNotificationsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ListNotificationsRequest,
      tw.jipan.procurement.v1.ListNotificationsResponse> getListNotificationsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ListNotificationsRequest, tw.jipan.procurement.v1.ListNotificationsResponse> getListNotificationsMethod;
    if ((getListNotificationsMethod = ListingReviewServiceGrpc.getListNotificationsMethod) == null) {
      synchronized (ListingReviewServiceGrpc.class) {
        if ((getListNotificationsMethod = ListingReviewServiceGrpc.getListNotificationsMethod) == null) {
          ListingReviewServiceGrpc.getListNotificationsMethod = getListNotificationsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.ListNotificationsRequest, tw.jipan.procurement.v1.ListNotificationsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListNotifications"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.ListNotificationsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.ListNotificationsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ListingReviewServiceMethodDescriptorSupplier("ListNotifications"))
              .build();
        }
      }
    }
    return getListNotificationsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.WatchNotificationsRequest,
      tw.jipan.procurement.v1.WatchNotificationsResponse> getWatchNotificationsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "WatchNotifications",
      requestType = tw.jipan.procurement.v1.WatchNotificationsRequest.class,
      responseType = tw.jipan.procurement.v1.WatchNotificationsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.WatchNotificationsRequest,
      tw.jipan.procurement.v1.WatchNotificationsResponse> getWatchNotificationsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.WatchNotificationsRequest, tw.jipan.procurement.v1.WatchNotificationsResponse> getWatchNotificationsMethod;
    if ((getWatchNotificationsMethod = ListingReviewServiceGrpc.getWatchNotificationsMethod) == null) {
      synchronized (ListingReviewServiceGrpc.class) {
        if ((getWatchNotificationsMethod = ListingReviewServiceGrpc.getWatchNotificationsMethod) == null) {
          ListingReviewServiceGrpc.getWatchNotificationsMethod = getWatchNotificationsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.WatchNotificationsRequest, tw.jipan.procurement.v1.WatchNotificationsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "WatchNotifications"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.WatchNotificationsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.WatchNotificationsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ListingReviewServiceMethodDescriptorSupplier("WatchNotifications"))
              .build();
        }
      }
    }
    return getWatchNotificationsMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static ListingReviewServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ListingReviewServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ListingReviewServiceStub>() {
        @java.lang.Override
        public ListingReviewServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ListingReviewServiceStub(channel, callOptions);
        }
      };
    return ListingReviewServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static ListingReviewServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ListingReviewServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ListingReviewServiceBlockingStub>() {
        @java.lang.Override
        public ListingReviewServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ListingReviewServiceBlockingStub(channel, callOptions);
        }
      };
    return ListingReviewServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static ListingReviewServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ListingReviewServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ListingReviewServiceFutureStub>() {
        @java.lang.Override
        public ListingReviewServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ListingReviewServiceFutureStub(channel, callOptions);
        }
      };
    return ListingReviewServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * The listing review gate. Software listings are reviewed on their CycloneDX
   * SBOM (known vulnerabilities from the OSV advisory store, licences), cloud
   * and service listings on their CNS 19086 SLA attestation. Every decision's
   * digest is anchored on the ledger. Importing advisories re-reviews only the
   * approved listings with an affected component and notifies their vendors.
   * </pre>
   */
  public static abstract class ListingReviewServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Submits the caller's listing for review and returns the decision (the
     * review runs within the call). Software lots need an SBOM.
     * </pre>
     */
    public void submitListing(tw.jipan.procurement.v1.SubmitListingRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.SubmitListingResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getSubmitListingMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one review of a listing the caller may see.
     * </pre>
     */
    public void getReview(tw.jipan.procurement.v1.GetReviewRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.GetReviewResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetReviewMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists a listing's reviews, newest first.
     * </pre>
     */
    public void listReviews(tw.jipan.procurement.v1.ListReviewsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ListReviewsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListReviewsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Accepts the risk of one finding of a listing's latest review with a
     * justification; the listing is re-decided as a new review (APPROVED when
     * no blocking finding is left), anchored like any other.
     * </pre>
     */
    public void acceptFindingRisk(tw.jipan.procurement.v1.AcceptFindingRiskRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.AcceptFindingRiskResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getAcceptFindingRiskMethod(), responseObserver);
    }

    /**
     * <pre>
     * Imports OSV advisories (one record, a JSON array of records, or an
     * osv.dev zip dump), then re-reviews the approved listings they affect.
     * </pre>
     */
    public void importAdvisories(tw.jipan.procurement.v1.ImportAdvisoriesRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ImportAdvisoriesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getImportAdvisoriesMethod(), responseObserver);
    }

    /**
     * <pre>
     * Matches package versions against the OSV advisory store this gate
     * reviews with, the way a review matches an SBOM's components: one result
     * per purl, in request order. Other services (market) read advisories
     * here instead of keeping a copy of the store.
     * </pre>
     */
    public void matchAdvisories(tw.jipan.procurement.v1.MatchAdvisoriesRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.MatchAdvisoriesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getMatchAdvisoriesMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the caller's organisation's notifications, newest first.
     * </pre>
     */
    public void listNotifications(tw.jipan.procurement.v1.ListNotificationsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ListNotificationsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListNotificationsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Streams the caller's organisation's new notifications as they are
     * created. The first message is empty: it says the watch is active.
     * </pre>
     */
    public void watchNotifications(tw.jipan.procurement.v1.WatchNotificationsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.WatchNotificationsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getWatchNotificationsMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getSubmitListingMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.SubmitListingRequest,
                tw.jipan.procurement.v1.SubmitListingResponse>(
                  this, METHODID_SUBMIT_LISTING)))
          .addMethod(
            getGetReviewMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.GetReviewRequest,
                tw.jipan.procurement.v1.GetReviewResponse>(
                  this, METHODID_GET_REVIEW)))
          .addMethod(
            getListReviewsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.ListReviewsRequest,
                tw.jipan.procurement.v1.ListReviewsResponse>(
                  this, METHODID_LIST_REVIEWS)))
          .addMethod(
            getAcceptFindingRiskMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.AcceptFindingRiskRequest,
                tw.jipan.procurement.v1.AcceptFindingRiskResponse>(
                  this, METHODID_ACCEPT_FINDING_RISK)))
          .addMethod(
            getImportAdvisoriesMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.ImportAdvisoriesRequest,
                tw.jipan.procurement.v1.ImportAdvisoriesResponse>(
                  this, METHODID_IMPORT_ADVISORIES)))
          .addMethod(
            getMatchAdvisoriesMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.MatchAdvisoriesRequest,
                tw.jipan.procurement.v1.MatchAdvisoriesResponse>(
                  this, METHODID_MATCH_ADVISORIES)))
          .addMethod(
            getListNotificationsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.ListNotificationsRequest,
                tw.jipan.procurement.v1.ListNotificationsResponse>(
                  this, METHODID_LIST_NOTIFICATIONS)))
          .addMethod(
            getWatchNotificationsMethod(),
            io.grpc.stub.ServerCalls.asyncServerStreamingCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.WatchNotificationsRequest,
                tw.jipan.procurement.v1.WatchNotificationsResponse>(
                  this, METHODID_WATCH_NOTIFICATIONS)))
          .build();
    }
  }

  /**
   * <pre>
   * The listing review gate. Software listings are reviewed on their CycloneDX
   * SBOM (known vulnerabilities from the OSV advisory store, licences), cloud
   * and service listings on their CNS 19086 SLA attestation. Every decision's
   * digest is anchored on the ledger. Importing advisories re-reviews only the
   * approved listings with an affected component and notifies their vendors.
   * </pre>
   */
  public static final class ListingReviewServiceStub extends io.grpc.stub.AbstractAsyncStub<ListingReviewServiceStub> {
    private ListingReviewServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ListingReviewServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ListingReviewServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Submits the caller's listing for review and returns the decision (the
     * review runs within the call). Software lots need an SBOM.
     * </pre>
     */
    public void submitListing(tw.jipan.procurement.v1.SubmitListingRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.SubmitListingResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getSubmitListingMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one review of a listing the caller may see.
     * </pre>
     */
    public void getReview(tw.jipan.procurement.v1.GetReviewRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.GetReviewResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetReviewMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists a listing's reviews, newest first.
     * </pre>
     */
    public void listReviews(tw.jipan.procurement.v1.ListReviewsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ListReviewsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListReviewsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Accepts the risk of one finding of a listing's latest review with a
     * justification; the listing is re-decided as a new review (APPROVED when
     * no blocking finding is left), anchored like any other.
     * </pre>
     */
    public void acceptFindingRisk(tw.jipan.procurement.v1.AcceptFindingRiskRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.AcceptFindingRiskResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getAcceptFindingRiskMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Imports OSV advisories (one record, a JSON array of records, or an
     * osv.dev zip dump), then re-reviews the approved listings they affect.
     * </pre>
     */
    public void importAdvisories(tw.jipan.procurement.v1.ImportAdvisoriesRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ImportAdvisoriesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getImportAdvisoriesMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Matches package versions against the OSV advisory store this gate
     * reviews with, the way a review matches an SBOM's components: one result
     * per purl, in request order. Other services (market) read advisories
     * here instead of keeping a copy of the store.
     * </pre>
     */
    public void matchAdvisories(tw.jipan.procurement.v1.MatchAdvisoriesRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.MatchAdvisoriesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getMatchAdvisoriesMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the caller's organisation's notifications, newest first.
     * </pre>
     */
    public void listNotifications(tw.jipan.procurement.v1.ListNotificationsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ListNotificationsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListNotificationsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Streams the caller's organisation's new notifications as they are
     * created. The first message is empty: it says the watch is active.
     * </pre>
     */
    public void watchNotifications(tw.jipan.procurement.v1.WatchNotificationsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.WatchNotificationsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getWatchNotificationsMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * The listing review gate. Software listings are reviewed on their CycloneDX
   * SBOM (known vulnerabilities from the OSV advisory store, licences), cloud
   * and service listings on their CNS 19086 SLA attestation. Every decision's
   * digest is anchored on the ledger. Importing advisories re-reviews only the
   * approved listings with an affected component and notifies their vendors.
   * </pre>
   */
  public static final class ListingReviewServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<ListingReviewServiceBlockingStub> {
    private ListingReviewServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ListingReviewServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ListingReviewServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Submits the caller's listing for review and returns the decision (the
     * review runs within the call). Software lots need an SBOM.
     * </pre>
     */
    public tw.jipan.procurement.v1.SubmitListingResponse submitListing(tw.jipan.procurement.v1.SubmitListingRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getSubmitListingMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one review of a listing the caller may see.
     * </pre>
     */
    public tw.jipan.procurement.v1.GetReviewResponse getReview(tw.jipan.procurement.v1.GetReviewRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetReviewMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists a listing's reviews, newest first.
     * </pre>
     */
    public tw.jipan.procurement.v1.ListReviewsResponse listReviews(tw.jipan.procurement.v1.ListReviewsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListReviewsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Accepts the risk of one finding of a listing's latest review with a
     * justification; the listing is re-decided as a new review (APPROVED when
     * no blocking finding is left), anchored like any other.
     * </pre>
     */
    public tw.jipan.procurement.v1.AcceptFindingRiskResponse acceptFindingRisk(tw.jipan.procurement.v1.AcceptFindingRiskRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getAcceptFindingRiskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Imports OSV advisories (one record, a JSON array of records, or an
     * osv.dev zip dump), then re-reviews the approved listings they affect.
     * </pre>
     */
    public tw.jipan.procurement.v1.ImportAdvisoriesResponse importAdvisories(tw.jipan.procurement.v1.ImportAdvisoriesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getImportAdvisoriesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Matches package versions against the OSV advisory store this gate
     * reviews with, the way a review matches an SBOM's components: one result
     * per purl, in request order. Other services (market) read advisories
     * here instead of keeping a copy of the store.
     * </pre>
     */
    public tw.jipan.procurement.v1.MatchAdvisoriesResponse matchAdvisories(tw.jipan.procurement.v1.MatchAdvisoriesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getMatchAdvisoriesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the caller's organisation's notifications, newest first.
     * </pre>
     */
    public tw.jipan.procurement.v1.ListNotificationsResponse listNotifications(tw.jipan.procurement.v1.ListNotificationsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListNotificationsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Streams the caller's organisation's new notifications as they are
     * created. The first message is empty: it says the watch is active.
     * </pre>
     */
    public java.util.Iterator<tw.jipan.procurement.v1.WatchNotificationsResponse> watchNotifications(
        tw.jipan.procurement.v1.WatchNotificationsRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getWatchNotificationsMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * The listing review gate. Software listings are reviewed on their CycloneDX
   * SBOM (known vulnerabilities from the OSV advisory store, licences), cloud
   * and service listings on their CNS 19086 SLA attestation. Every decision's
   * digest is anchored on the ledger. Importing advisories re-reviews only the
   * approved listings with an affected component and notifies their vendors.
   * </pre>
   */
  public static final class ListingReviewServiceFutureStub extends io.grpc.stub.AbstractFutureStub<ListingReviewServiceFutureStub> {
    private ListingReviewServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ListingReviewServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ListingReviewServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Submits the caller's listing for review and returns the decision (the
     * review runs within the call). Software lots need an SBOM.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.SubmitListingResponse> submitListing(
        tw.jipan.procurement.v1.SubmitListingRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getSubmitListingMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one review of a listing the caller may see.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.GetReviewResponse> getReview(
        tw.jipan.procurement.v1.GetReviewRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetReviewMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists a listing's reviews, newest first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.ListReviewsResponse> listReviews(
        tw.jipan.procurement.v1.ListReviewsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListReviewsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Accepts the risk of one finding of a listing's latest review with a
     * justification; the listing is re-decided as a new review (APPROVED when
     * no blocking finding is left), anchored like any other.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.AcceptFindingRiskResponse> acceptFindingRisk(
        tw.jipan.procurement.v1.AcceptFindingRiskRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getAcceptFindingRiskMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Imports OSV advisories (one record, a JSON array of records, or an
     * osv.dev zip dump), then re-reviews the approved listings they affect.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.ImportAdvisoriesResponse> importAdvisories(
        tw.jipan.procurement.v1.ImportAdvisoriesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getImportAdvisoriesMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Matches package versions against the OSV advisory store this gate
     * reviews with, the way a review matches an SBOM's components: one result
     * per purl, in request order. Other services (market) read advisories
     * here instead of keeping a copy of the store.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.MatchAdvisoriesResponse> matchAdvisories(
        tw.jipan.procurement.v1.MatchAdvisoriesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getMatchAdvisoriesMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the caller's organisation's notifications, newest first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.ListNotificationsResponse> listNotifications(
        tw.jipan.procurement.v1.ListNotificationsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListNotificationsMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_SUBMIT_LISTING = 0;
  private static final int METHODID_GET_REVIEW = 1;
  private static final int METHODID_LIST_REVIEWS = 2;
  private static final int METHODID_ACCEPT_FINDING_RISK = 3;
  private static final int METHODID_IMPORT_ADVISORIES = 4;
  private static final int METHODID_MATCH_ADVISORIES = 5;
  private static final int METHODID_LIST_NOTIFICATIONS = 6;
  private static final int METHODID_WATCH_NOTIFICATIONS = 7;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final ListingReviewServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(ListingReviewServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_SUBMIT_LISTING:
          serviceImpl.submitListing((tw.jipan.procurement.v1.SubmitListingRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.SubmitListingResponse>) responseObserver);
          break;
        case METHODID_GET_REVIEW:
          serviceImpl.getReview((tw.jipan.procurement.v1.GetReviewRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.GetReviewResponse>) responseObserver);
          break;
        case METHODID_LIST_REVIEWS:
          serviceImpl.listReviews((tw.jipan.procurement.v1.ListReviewsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ListReviewsResponse>) responseObserver);
          break;
        case METHODID_ACCEPT_FINDING_RISK:
          serviceImpl.acceptFindingRisk((tw.jipan.procurement.v1.AcceptFindingRiskRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.AcceptFindingRiskResponse>) responseObserver);
          break;
        case METHODID_IMPORT_ADVISORIES:
          serviceImpl.importAdvisories((tw.jipan.procurement.v1.ImportAdvisoriesRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ImportAdvisoriesResponse>) responseObserver);
          break;
        case METHODID_MATCH_ADVISORIES:
          serviceImpl.matchAdvisories((tw.jipan.procurement.v1.MatchAdvisoriesRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.MatchAdvisoriesResponse>) responseObserver);
          break;
        case METHODID_LIST_NOTIFICATIONS:
          serviceImpl.listNotifications((tw.jipan.procurement.v1.ListNotificationsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ListNotificationsResponse>) responseObserver);
          break;
        case METHODID_WATCH_NOTIFICATIONS:
          serviceImpl.watchNotifications((tw.jipan.procurement.v1.WatchNotificationsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.WatchNotificationsResponse>) responseObserver);
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

  private static abstract class ListingReviewServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    ListingReviewServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.procurement.v1.ReviewServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("ListingReviewService");
    }
  }

  private static final class ListingReviewServiceFileDescriptorSupplier
      extends ListingReviewServiceBaseDescriptorSupplier {
    ListingReviewServiceFileDescriptorSupplier() {}
  }

  private static final class ListingReviewServiceMethodDescriptorSupplier
      extends ListingReviewServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    ListingReviewServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (ListingReviewServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new ListingReviewServiceFileDescriptorSupplier())
              .addMethod(getSubmitListingMethod())
              .addMethod(getGetReviewMethod())
              .addMethod(getListReviewsMethod())
              .addMethod(getAcceptFindingRiskMethod())
              .addMethod(getImportAdvisoriesMethod())
              .addMethod(getMatchAdvisoriesMethod())
              .addMethod(getListNotificationsMethod())
              .addMethod(getWatchNotificationsMethod())
              .build();
        }
      }
    }
    return result;
  }
}
