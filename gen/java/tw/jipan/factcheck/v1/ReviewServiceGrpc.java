package tw.jipan.factcheck.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * The human in the loop: claims an organisation receives (forwarded
 * messages, tips) are matched against the published fact-checks; those the
 * AI cannot match with confidence become review tasks in the
 * organisation's queue, where reviewers confirm or reject the suggested
 * matches or write a new fact-check. The AI suggestion, the decision and
 * whether they disagree are kept, each decision's digest anchored on the
 * ledger, and the matching threshold is re-fitted from the decisions.
 * A caller sees only its own organisation's review tasks; another
 * organisation's task is NOT_FOUND.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/factcheck/v1/review_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class ReviewServiceGrpc {

  private ReviewServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.factcheck.v1.ReviewService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.SubmitClaimRequest,
      tw.jipan.factcheck.v1.SubmitClaimResponse> getSubmitClaimMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "SubmitClaim",
      requestType = tw.jipan.factcheck.v1.SubmitClaimRequest.class,
      responseType = tw.jipan.factcheck.v1.SubmitClaimResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.SubmitClaimRequest,
      tw.jipan.factcheck.v1.SubmitClaimResponse> getSubmitClaimMethod() {
    io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.SubmitClaimRequest, tw.jipan.factcheck.v1.SubmitClaimResponse> getSubmitClaimMethod;
    if ((getSubmitClaimMethod = ReviewServiceGrpc.getSubmitClaimMethod) == null) {
      synchronized (ReviewServiceGrpc.class) {
        if ((getSubmitClaimMethod = ReviewServiceGrpc.getSubmitClaimMethod) == null) {
          ReviewServiceGrpc.getSubmitClaimMethod = getSubmitClaimMethod =
              io.grpc.MethodDescriptor.<tw.jipan.factcheck.v1.SubmitClaimRequest, tw.jipan.factcheck.v1.SubmitClaimResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "SubmitClaim"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.SubmitClaimRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.SubmitClaimResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ReviewServiceMethodDescriptorSupplier("SubmitClaim"))
              .build();
        }
      }
    }
    return getSubmitClaimMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.GetReviewTaskRequest,
      tw.jipan.factcheck.v1.GetReviewTaskResponse> getGetReviewTaskMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetReviewTask",
      requestType = tw.jipan.factcheck.v1.GetReviewTaskRequest.class,
      responseType = tw.jipan.factcheck.v1.GetReviewTaskResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.GetReviewTaskRequest,
      tw.jipan.factcheck.v1.GetReviewTaskResponse> getGetReviewTaskMethod() {
    io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.GetReviewTaskRequest, tw.jipan.factcheck.v1.GetReviewTaskResponse> getGetReviewTaskMethod;
    if ((getGetReviewTaskMethod = ReviewServiceGrpc.getGetReviewTaskMethod) == null) {
      synchronized (ReviewServiceGrpc.class) {
        if ((getGetReviewTaskMethod = ReviewServiceGrpc.getGetReviewTaskMethod) == null) {
          ReviewServiceGrpc.getGetReviewTaskMethod = getGetReviewTaskMethod =
              io.grpc.MethodDescriptor.<tw.jipan.factcheck.v1.GetReviewTaskRequest, tw.jipan.factcheck.v1.GetReviewTaskResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetReviewTask"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.GetReviewTaskRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.GetReviewTaskResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ReviewServiceMethodDescriptorSupplier("GetReviewTask"))
              .build();
        }
      }
    }
    return getGetReviewTaskMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.ListReviewTasksRequest,
      tw.jipan.factcheck.v1.ListReviewTasksResponse> getListReviewTasksMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListReviewTasks",
      requestType = tw.jipan.factcheck.v1.ListReviewTasksRequest.class,
      responseType = tw.jipan.factcheck.v1.ListReviewTasksResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.ListReviewTasksRequest,
      tw.jipan.factcheck.v1.ListReviewTasksResponse> getListReviewTasksMethod() {
    io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.ListReviewTasksRequest, tw.jipan.factcheck.v1.ListReviewTasksResponse> getListReviewTasksMethod;
    if ((getListReviewTasksMethod = ReviewServiceGrpc.getListReviewTasksMethod) == null) {
      synchronized (ReviewServiceGrpc.class) {
        if ((getListReviewTasksMethod = ReviewServiceGrpc.getListReviewTasksMethod) == null) {
          ReviewServiceGrpc.getListReviewTasksMethod = getListReviewTasksMethod =
              io.grpc.MethodDescriptor.<tw.jipan.factcheck.v1.ListReviewTasksRequest, tw.jipan.factcheck.v1.ListReviewTasksResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListReviewTasks"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.ListReviewTasksRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.ListReviewTasksResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ReviewServiceMethodDescriptorSupplier("ListReviewTasks"))
              .build();
        }
      }
    }
    return getListReviewTasksMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.DecideReviewTaskRequest,
      tw.jipan.factcheck.v1.DecideReviewTaskResponse> getDecideReviewTaskMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DecideReviewTask",
      requestType = tw.jipan.factcheck.v1.DecideReviewTaskRequest.class,
      responseType = tw.jipan.factcheck.v1.DecideReviewTaskResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.DecideReviewTaskRequest,
      tw.jipan.factcheck.v1.DecideReviewTaskResponse> getDecideReviewTaskMethod() {
    io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.DecideReviewTaskRequest, tw.jipan.factcheck.v1.DecideReviewTaskResponse> getDecideReviewTaskMethod;
    if ((getDecideReviewTaskMethod = ReviewServiceGrpc.getDecideReviewTaskMethod) == null) {
      synchronized (ReviewServiceGrpc.class) {
        if ((getDecideReviewTaskMethod = ReviewServiceGrpc.getDecideReviewTaskMethod) == null) {
          ReviewServiceGrpc.getDecideReviewTaskMethod = getDecideReviewTaskMethod =
              io.grpc.MethodDescriptor.<tw.jipan.factcheck.v1.DecideReviewTaskRequest, tw.jipan.factcheck.v1.DecideReviewTaskResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DecideReviewTask"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.DecideReviewTaskRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.DecideReviewTaskResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ReviewServiceMethodDescriptorSupplier("DecideReviewTask"))
              .build();
        }
      }
    }
    return getDecideReviewTaskMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.RefitThresholdRequest,
      tw.jipan.factcheck.v1.RefitThresholdResponse> getRefitThresholdMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RefitThreshold",
      requestType = tw.jipan.factcheck.v1.RefitThresholdRequest.class,
      responseType = tw.jipan.factcheck.v1.RefitThresholdResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.RefitThresholdRequest,
      tw.jipan.factcheck.v1.RefitThresholdResponse> getRefitThresholdMethod() {
    io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.RefitThresholdRequest, tw.jipan.factcheck.v1.RefitThresholdResponse> getRefitThresholdMethod;
    if ((getRefitThresholdMethod = ReviewServiceGrpc.getRefitThresholdMethod) == null) {
      synchronized (ReviewServiceGrpc.class) {
        if ((getRefitThresholdMethod = ReviewServiceGrpc.getRefitThresholdMethod) == null) {
          ReviewServiceGrpc.getRefitThresholdMethod = getRefitThresholdMethod =
              io.grpc.MethodDescriptor.<tw.jipan.factcheck.v1.RefitThresholdRequest, tw.jipan.factcheck.v1.RefitThresholdResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RefitThreshold"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.RefitThresholdRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.RefitThresholdResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ReviewServiceMethodDescriptorSupplier("RefitThreshold"))
              .build();
        }
      }
    }
    return getRefitThresholdMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.GetThresholdRequest,
      tw.jipan.factcheck.v1.GetThresholdResponse> getGetThresholdMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetThreshold",
      requestType = tw.jipan.factcheck.v1.GetThresholdRequest.class,
      responseType = tw.jipan.factcheck.v1.GetThresholdResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.GetThresholdRequest,
      tw.jipan.factcheck.v1.GetThresholdResponse> getGetThresholdMethod() {
    io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.GetThresholdRequest, tw.jipan.factcheck.v1.GetThresholdResponse> getGetThresholdMethod;
    if ((getGetThresholdMethod = ReviewServiceGrpc.getGetThresholdMethod) == null) {
      synchronized (ReviewServiceGrpc.class) {
        if ((getGetThresholdMethod = ReviewServiceGrpc.getGetThresholdMethod) == null) {
          ReviewServiceGrpc.getGetThresholdMethod = getGetThresholdMethod =
              io.grpc.MethodDescriptor.<tw.jipan.factcheck.v1.GetThresholdRequest, tw.jipan.factcheck.v1.GetThresholdResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetThreshold"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.GetThresholdRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.GetThresholdResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ReviewServiceMethodDescriptorSupplier("GetThreshold"))
              .build();
        }
      }
    }
    return getGetThresholdMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.ResetThresholdRequest,
      tw.jipan.factcheck.v1.ResetThresholdResponse> getResetThresholdMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ResetThreshold",
      requestType = tw.jipan.factcheck.v1.ResetThresholdRequest.class,
      responseType = tw.jipan.factcheck.v1.ResetThresholdResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.ResetThresholdRequest,
      tw.jipan.factcheck.v1.ResetThresholdResponse> getResetThresholdMethod() {
    io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.ResetThresholdRequest, tw.jipan.factcheck.v1.ResetThresholdResponse> getResetThresholdMethod;
    if ((getResetThresholdMethod = ReviewServiceGrpc.getResetThresholdMethod) == null) {
      synchronized (ReviewServiceGrpc.class) {
        if ((getResetThresholdMethod = ReviewServiceGrpc.getResetThresholdMethod) == null) {
          ReviewServiceGrpc.getResetThresholdMethod = getResetThresholdMethod =
              io.grpc.MethodDescriptor.<tw.jipan.factcheck.v1.ResetThresholdRequest, tw.jipan.factcheck.v1.ResetThresholdResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ResetThreshold"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.ResetThresholdRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.ResetThresholdResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ReviewServiceMethodDescriptorSupplier("ResetThreshold"))
              .build();
        }
      }
    }
    return getResetThresholdMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static ReviewServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ReviewServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ReviewServiceStub>() {
        @java.lang.Override
        public ReviewServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ReviewServiceStub(channel, callOptions);
        }
      };
    return ReviewServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static ReviewServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ReviewServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ReviewServiceBlockingStub>() {
        @java.lang.Override
        public ReviewServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ReviewServiceBlockingStub(channel, callOptions);
        }
      };
    return ReviewServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static ReviewServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ReviewServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ReviewServiceFutureStub>() {
        @java.lang.Override
        public ReviewServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ReviewServiceFutureStub(channel, callOptions);
        }
      };
    return ReviewServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * The human in the loop: claims an organisation receives (forwarded
   * messages, tips) are matched against the published fact-checks; those the
   * AI cannot match with confidence become review tasks in the
   * organisation's queue, where reviewers confirm or reject the suggested
   * matches or write a new fact-check. The AI suggestion, the decision and
   * whether they disagree are kept, each decision's digest anchored on the
   * ledger, and the matching threshold is re-fitted from the decisions.
   * A caller sees only its own organisation's review tasks; another
   * organisation's task is NOT_FOUND.
   * </pre>
   */
  public static abstract class ReviewServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Matches an incoming claim and, when no published fact-check matches
     * with confidence (no match, or the best score below the confident
     * score), queues it as a review task of the caller's organisation. A
     * replayed `request_id` returns the first response.
     * </pre>
     */
    public void submitClaim(tw.jipan.factcheck.v1.SubmitClaimRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.SubmitClaimResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getSubmitClaimMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns a review task of the caller's organisation.
     * </pre>
     */
    public void getReviewTask(tw.jipan.factcheck.v1.GetReviewTaskRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.GetReviewTaskResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetReviewTaskMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the caller's organisation's review tasks, oldest first.
     * </pre>
     */
    public void listReviewTasks(tw.jipan.factcheck.v1.ListReviewTasksRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.ListReviewTasksResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListReviewTasksMethod(), responseObserver);
    }

    /**
     * <pre>
     * Records a reviewer's decision on an OPEN task: confirm a match, reject
     * the suggestions, or write a new fact-check (a draft of the reviewer's
     * organisation). The decision's digest is anchored on the ledger. A
     * decided task is FAILED_PRECONDITION REVIEW_TASK_DECIDED.
     * </pre>
     */
    public void decideReviewTask(tw.jipan.factcheck.v1.DecideReviewTaskRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.DecideReviewTaskResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDecideReviewTaskMethod(), responseObserver);
    }

    /**
     * <pre>
     * Re-fits the matching threshold from reviewer decisions (each
     * suggestion's score, confirmed or not), puts it in force for every
     * server, and reports precision and recall before and after: the whole
     * base's threshold from every decision (an operator's call), or, with
     * `organization`, the caller's organisation's own from its reviewers'
     * decisions (an organisation that wants fewer or more matches than the
     * base's threshold gives).
     * </pre>
     */
    public void refitThreshold(tw.jipan.factcheck.v1.RefitThresholdRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.RefitThresholdResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRefitThresholdMethod(), responseObserver);
    }

    /**
     * <pre>
     * The threshold in force for the whole base, or for the caller's
     * organisation (its own fit, else the whole base's), and the fit that set
     * it.
     * </pre>
     */
    public void getThreshold(tw.jipan.factcheck.v1.GetThresholdRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.GetThresholdResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetThresholdMethod(), responseObserver);
    }

    /**
     * <pre>
     * Drops the caller's organisation's own threshold: its MatchClaims and
     * SubmitClaim use the whole base's again (on every server within a poll
     * interval). The organisation's fits stay in the history, and the drop is
     * recorded beside them. Idempotent: an organisation without a threshold of
     * its own answers `dropped: false` and nothing changes.
     * </pre>
     */
    public void resetThreshold(tw.jipan.factcheck.v1.ResetThresholdRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.ResetThresholdResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getResetThresholdMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getSubmitClaimMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.factcheck.v1.SubmitClaimRequest,
                tw.jipan.factcheck.v1.SubmitClaimResponse>(
                  this, METHODID_SUBMIT_CLAIM)))
          .addMethod(
            getGetReviewTaskMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.factcheck.v1.GetReviewTaskRequest,
                tw.jipan.factcheck.v1.GetReviewTaskResponse>(
                  this, METHODID_GET_REVIEW_TASK)))
          .addMethod(
            getListReviewTasksMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.factcheck.v1.ListReviewTasksRequest,
                tw.jipan.factcheck.v1.ListReviewTasksResponse>(
                  this, METHODID_LIST_REVIEW_TASKS)))
          .addMethod(
            getDecideReviewTaskMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.factcheck.v1.DecideReviewTaskRequest,
                tw.jipan.factcheck.v1.DecideReviewTaskResponse>(
                  this, METHODID_DECIDE_REVIEW_TASK)))
          .addMethod(
            getRefitThresholdMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.factcheck.v1.RefitThresholdRequest,
                tw.jipan.factcheck.v1.RefitThresholdResponse>(
                  this, METHODID_REFIT_THRESHOLD)))
          .addMethod(
            getGetThresholdMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.factcheck.v1.GetThresholdRequest,
                tw.jipan.factcheck.v1.GetThresholdResponse>(
                  this, METHODID_GET_THRESHOLD)))
          .addMethod(
            getResetThresholdMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.factcheck.v1.ResetThresholdRequest,
                tw.jipan.factcheck.v1.ResetThresholdResponse>(
                  this, METHODID_RESET_THRESHOLD)))
          .build();
    }
  }

  /**
   * <pre>
   * The human in the loop: claims an organisation receives (forwarded
   * messages, tips) are matched against the published fact-checks; those the
   * AI cannot match with confidence become review tasks in the
   * organisation's queue, where reviewers confirm or reject the suggested
   * matches or write a new fact-check. The AI suggestion, the decision and
   * whether they disagree are kept, each decision's digest anchored on the
   * ledger, and the matching threshold is re-fitted from the decisions.
   * A caller sees only its own organisation's review tasks; another
   * organisation's task is NOT_FOUND.
   * </pre>
   */
  public static final class ReviewServiceStub extends io.grpc.stub.AbstractAsyncStub<ReviewServiceStub> {
    private ReviewServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ReviewServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ReviewServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Matches an incoming claim and, when no published fact-check matches
     * with confidence (no match, or the best score below the confident
     * score), queues it as a review task of the caller's organisation. A
     * replayed `request_id` returns the first response.
     * </pre>
     */
    public void submitClaim(tw.jipan.factcheck.v1.SubmitClaimRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.SubmitClaimResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getSubmitClaimMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns a review task of the caller's organisation.
     * </pre>
     */
    public void getReviewTask(tw.jipan.factcheck.v1.GetReviewTaskRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.GetReviewTaskResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetReviewTaskMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the caller's organisation's review tasks, oldest first.
     * </pre>
     */
    public void listReviewTasks(tw.jipan.factcheck.v1.ListReviewTasksRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.ListReviewTasksResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListReviewTasksMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Records a reviewer's decision on an OPEN task: confirm a match, reject
     * the suggestions, or write a new fact-check (a draft of the reviewer's
     * organisation). The decision's digest is anchored on the ledger. A
     * decided task is FAILED_PRECONDITION REVIEW_TASK_DECIDED.
     * </pre>
     */
    public void decideReviewTask(tw.jipan.factcheck.v1.DecideReviewTaskRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.DecideReviewTaskResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDecideReviewTaskMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Re-fits the matching threshold from reviewer decisions (each
     * suggestion's score, confirmed or not), puts it in force for every
     * server, and reports precision and recall before and after: the whole
     * base's threshold from every decision (an operator's call), or, with
     * `organization`, the caller's organisation's own from its reviewers'
     * decisions (an organisation that wants fewer or more matches than the
     * base's threshold gives).
     * </pre>
     */
    public void refitThreshold(tw.jipan.factcheck.v1.RefitThresholdRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.RefitThresholdResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRefitThresholdMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * The threshold in force for the whole base, or for the caller's
     * organisation (its own fit, else the whole base's), and the fit that set
     * it.
     * </pre>
     */
    public void getThreshold(tw.jipan.factcheck.v1.GetThresholdRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.GetThresholdResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetThresholdMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Drops the caller's organisation's own threshold: its MatchClaims and
     * SubmitClaim use the whole base's again (on every server within a poll
     * interval). The organisation's fits stay in the history, and the drop is
     * recorded beside them. Idempotent: an organisation without a threshold of
     * its own answers `dropped: false` and nothing changes.
     * </pre>
     */
    public void resetThreshold(tw.jipan.factcheck.v1.ResetThresholdRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.ResetThresholdResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getResetThresholdMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * The human in the loop: claims an organisation receives (forwarded
   * messages, tips) are matched against the published fact-checks; those the
   * AI cannot match with confidence become review tasks in the
   * organisation's queue, where reviewers confirm or reject the suggested
   * matches or write a new fact-check. The AI suggestion, the decision and
   * whether they disagree are kept, each decision's digest anchored on the
   * ledger, and the matching threshold is re-fitted from the decisions.
   * A caller sees only its own organisation's review tasks; another
   * organisation's task is NOT_FOUND.
   * </pre>
   */
  public static final class ReviewServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<ReviewServiceBlockingStub> {
    private ReviewServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ReviewServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ReviewServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Matches an incoming claim and, when no published fact-check matches
     * with confidence (no match, or the best score below the confident
     * score), queues it as a review task of the caller's organisation. A
     * replayed `request_id` returns the first response.
     * </pre>
     */
    public tw.jipan.factcheck.v1.SubmitClaimResponse submitClaim(tw.jipan.factcheck.v1.SubmitClaimRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getSubmitClaimMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns a review task of the caller's organisation.
     * </pre>
     */
    public tw.jipan.factcheck.v1.GetReviewTaskResponse getReviewTask(tw.jipan.factcheck.v1.GetReviewTaskRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetReviewTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the caller's organisation's review tasks, oldest first.
     * </pre>
     */
    public tw.jipan.factcheck.v1.ListReviewTasksResponse listReviewTasks(tw.jipan.factcheck.v1.ListReviewTasksRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListReviewTasksMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Records a reviewer's decision on an OPEN task: confirm a match, reject
     * the suggestions, or write a new fact-check (a draft of the reviewer's
     * organisation). The decision's digest is anchored on the ledger. A
     * decided task is FAILED_PRECONDITION REVIEW_TASK_DECIDED.
     * </pre>
     */
    public tw.jipan.factcheck.v1.DecideReviewTaskResponse decideReviewTask(tw.jipan.factcheck.v1.DecideReviewTaskRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDecideReviewTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Re-fits the matching threshold from reviewer decisions (each
     * suggestion's score, confirmed or not), puts it in force for every
     * server, and reports precision and recall before and after: the whole
     * base's threshold from every decision (an operator's call), or, with
     * `organization`, the caller's organisation's own from its reviewers'
     * decisions (an organisation that wants fewer or more matches than the
     * base's threshold gives).
     * </pre>
     */
    public tw.jipan.factcheck.v1.RefitThresholdResponse refitThreshold(tw.jipan.factcheck.v1.RefitThresholdRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRefitThresholdMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The threshold in force for the whole base, or for the caller's
     * organisation (its own fit, else the whole base's), and the fit that set
     * it.
     * </pre>
     */
    public tw.jipan.factcheck.v1.GetThresholdResponse getThreshold(tw.jipan.factcheck.v1.GetThresholdRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetThresholdMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Drops the caller's organisation's own threshold: its MatchClaims and
     * SubmitClaim use the whole base's again (on every server within a poll
     * interval). The organisation's fits stay in the history, and the drop is
     * recorded beside them. Idempotent: an organisation without a threshold of
     * its own answers `dropped: false` and nothing changes.
     * </pre>
     */
    public tw.jipan.factcheck.v1.ResetThresholdResponse resetThreshold(tw.jipan.factcheck.v1.ResetThresholdRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getResetThresholdMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * The human in the loop: claims an organisation receives (forwarded
   * messages, tips) are matched against the published fact-checks; those the
   * AI cannot match with confidence become review tasks in the
   * organisation's queue, where reviewers confirm or reject the suggested
   * matches or write a new fact-check. The AI suggestion, the decision and
   * whether they disagree are kept, each decision's digest anchored on the
   * ledger, and the matching threshold is re-fitted from the decisions.
   * A caller sees only its own organisation's review tasks; another
   * organisation's task is NOT_FOUND.
   * </pre>
   */
  public static final class ReviewServiceFutureStub extends io.grpc.stub.AbstractFutureStub<ReviewServiceFutureStub> {
    private ReviewServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ReviewServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ReviewServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Matches an incoming claim and, when no published fact-check matches
     * with confidence (no match, or the best score below the confident
     * score), queues it as a review task of the caller's organisation. A
     * replayed `request_id` returns the first response.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.factcheck.v1.SubmitClaimResponse> submitClaim(
        tw.jipan.factcheck.v1.SubmitClaimRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getSubmitClaimMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns a review task of the caller's organisation.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.factcheck.v1.GetReviewTaskResponse> getReviewTask(
        tw.jipan.factcheck.v1.GetReviewTaskRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetReviewTaskMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the caller's organisation's review tasks, oldest first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.factcheck.v1.ListReviewTasksResponse> listReviewTasks(
        tw.jipan.factcheck.v1.ListReviewTasksRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListReviewTasksMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Records a reviewer's decision on an OPEN task: confirm a match, reject
     * the suggestions, or write a new fact-check (a draft of the reviewer's
     * organisation). The decision's digest is anchored on the ledger. A
     * decided task is FAILED_PRECONDITION REVIEW_TASK_DECIDED.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.factcheck.v1.DecideReviewTaskResponse> decideReviewTask(
        tw.jipan.factcheck.v1.DecideReviewTaskRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDecideReviewTaskMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Re-fits the matching threshold from reviewer decisions (each
     * suggestion's score, confirmed or not), puts it in force for every
     * server, and reports precision and recall before and after: the whole
     * base's threshold from every decision (an operator's call), or, with
     * `organization`, the caller's organisation's own from its reviewers'
     * decisions (an organisation that wants fewer or more matches than the
     * base's threshold gives).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.factcheck.v1.RefitThresholdResponse> refitThreshold(
        tw.jipan.factcheck.v1.RefitThresholdRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRefitThresholdMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * The threshold in force for the whole base, or for the caller's
     * organisation (its own fit, else the whole base's), and the fit that set
     * it.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.factcheck.v1.GetThresholdResponse> getThreshold(
        tw.jipan.factcheck.v1.GetThresholdRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetThresholdMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Drops the caller's organisation's own threshold: its MatchClaims and
     * SubmitClaim use the whole base's again (on every server within a poll
     * interval). The organisation's fits stay in the history, and the drop is
     * recorded beside them. Idempotent: an organisation without a threshold of
     * its own answers `dropped: false` and nothing changes.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.factcheck.v1.ResetThresholdResponse> resetThreshold(
        tw.jipan.factcheck.v1.ResetThresholdRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getResetThresholdMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_SUBMIT_CLAIM = 0;
  private static final int METHODID_GET_REVIEW_TASK = 1;
  private static final int METHODID_LIST_REVIEW_TASKS = 2;
  private static final int METHODID_DECIDE_REVIEW_TASK = 3;
  private static final int METHODID_REFIT_THRESHOLD = 4;
  private static final int METHODID_GET_THRESHOLD = 5;
  private static final int METHODID_RESET_THRESHOLD = 6;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final ReviewServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(ReviewServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_SUBMIT_CLAIM:
          serviceImpl.submitClaim((tw.jipan.factcheck.v1.SubmitClaimRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.SubmitClaimResponse>) responseObserver);
          break;
        case METHODID_GET_REVIEW_TASK:
          serviceImpl.getReviewTask((tw.jipan.factcheck.v1.GetReviewTaskRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.GetReviewTaskResponse>) responseObserver);
          break;
        case METHODID_LIST_REVIEW_TASKS:
          serviceImpl.listReviewTasks((tw.jipan.factcheck.v1.ListReviewTasksRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.ListReviewTasksResponse>) responseObserver);
          break;
        case METHODID_DECIDE_REVIEW_TASK:
          serviceImpl.decideReviewTask((tw.jipan.factcheck.v1.DecideReviewTaskRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.DecideReviewTaskResponse>) responseObserver);
          break;
        case METHODID_REFIT_THRESHOLD:
          serviceImpl.refitThreshold((tw.jipan.factcheck.v1.RefitThresholdRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.RefitThresholdResponse>) responseObserver);
          break;
        case METHODID_GET_THRESHOLD:
          serviceImpl.getThreshold((tw.jipan.factcheck.v1.GetThresholdRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.GetThresholdResponse>) responseObserver);
          break;
        case METHODID_RESET_THRESHOLD:
          serviceImpl.resetThreshold((tw.jipan.factcheck.v1.ResetThresholdRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.ResetThresholdResponse>) responseObserver);
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

  private static abstract class ReviewServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    ReviewServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.factcheck.v1.ReviewServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("ReviewService");
    }
  }

  private static final class ReviewServiceFileDescriptorSupplier
      extends ReviewServiceBaseDescriptorSupplier {
    ReviewServiceFileDescriptorSupplier() {}
  }

  private static final class ReviewServiceMethodDescriptorSupplier
      extends ReviewServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    ReviewServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (ReviewServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new ReviewServiceFileDescriptorSupplier())
              .addMethod(getSubmitClaimMethod())
              .addMethod(getGetReviewTaskMethod())
              .addMethod(getListReviewTasksMethod())
              .addMethod(getDecideReviewTaskMethod())
              .addMethod(getRefitThresholdMethod())
              .addMethod(getGetThresholdMethod())
              .addMethod(getResetThresholdMethod())
              .build();
        }
      }
    }
    return result;
  }
}
