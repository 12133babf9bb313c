package tw.jipan.market.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Questions and answers per project: votes, an accepted answer chosen by the
 * asker, moderation (report, hide with a reason), notifications to
 * subscribers.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/market/v1/question_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class QuestionServiceGrpc {

  private QuestionServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.market.v1.QuestionService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateQuestionRequest,
      tw.jipan.market.v1.CreateQuestionResponse> getCreateQuestionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateQuestion",
      requestType = tw.jipan.market.v1.CreateQuestionRequest.class,
      responseType = tw.jipan.market.v1.CreateQuestionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateQuestionRequest,
      tw.jipan.market.v1.CreateQuestionResponse> getCreateQuestionMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateQuestionRequest, tw.jipan.market.v1.CreateQuestionResponse> getCreateQuestionMethod;
    if ((getCreateQuestionMethod = QuestionServiceGrpc.getCreateQuestionMethod) == null) {
      synchronized (QuestionServiceGrpc.class) {
        if ((getCreateQuestionMethod = QuestionServiceGrpc.getCreateQuestionMethod) == null) {
          QuestionServiceGrpc.getCreateQuestionMethod = getCreateQuestionMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.CreateQuestionRequest, tw.jipan.market.v1.CreateQuestionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateQuestion"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.CreateQuestionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.CreateQuestionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new QuestionServiceMethodDescriptorSupplier("CreateQuestion"))
              .build();
        }
      }
    }
    return getCreateQuestionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.GetQuestionRequest,
      tw.jipan.market.v1.GetQuestionResponse> getGetQuestionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetQuestion",
      requestType = tw.jipan.market.v1.GetQuestionRequest.class,
      responseType = tw.jipan.market.v1.GetQuestionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.GetQuestionRequest,
      tw.jipan.market.v1.GetQuestionResponse> getGetQuestionMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.GetQuestionRequest, tw.jipan.market.v1.GetQuestionResponse> getGetQuestionMethod;
    if ((getGetQuestionMethod = QuestionServiceGrpc.getGetQuestionMethod) == null) {
      synchronized (QuestionServiceGrpc.class) {
        if ((getGetQuestionMethod = QuestionServiceGrpc.getGetQuestionMethod) == null) {
          QuestionServiceGrpc.getGetQuestionMethod = getGetQuestionMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.GetQuestionRequest, tw.jipan.market.v1.GetQuestionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetQuestion"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.GetQuestionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.GetQuestionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new QuestionServiceMethodDescriptorSupplier("GetQuestion"))
              .build();
        }
      }
    }
    return getGetQuestionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.ListQuestionsRequest,
      tw.jipan.market.v1.ListQuestionsResponse> getListQuestionsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListQuestions",
      requestType = tw.jipan.market.v1.ListQuestionsRequest.class,
      responseType = tw.jipan.market.v1.ListQuestionsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.ListQuestionsRequest,
      tw.jipan.market.v1.ListQuestionsResponse> getListQuestionsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.ListQuestionsRequest, tw.jipan.market.v1.ListQuestionsResponse> getListQuestionsMethod;
    if ((getListQuestionsMethod = QuestionServiceGrpc.getListQuestionsMethod) == null) {
      synchronized (QuestionServiceGrpc.class) {
        if ((getListQuestionsMethod = QuestionServiceGrpc.getListQuestionsMethod) == null) {
          QuestionServiceGrpc.getListQuestionsMethod = getListQuestionsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.ListQuestionsRequest, tw.jipan.market.v1.ListQuestionsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListQuestions"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListQuestionsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListQuestionsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new QuestionServiceMethodDescriptorSupplier("ListQuestions"))
              .build();
        }
      }
    }
    return getListQuestionsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateAnswerRequest,
      tw.jipan.market.v1.CreateAnswerResponse> getCreateAnswerMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateAnswer",
      requestType = tw.jipan.market.v1.CreateAnswerRequest.class,
      responseType = tw.jipan.market.v1.CreateAnswerResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateAnswerRequest,
      tw.jipan.market.v1.CreateAnswerResponse> getCreateAnswerMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateAnswerRequest, tw.jipan.market.v1.CreateAnswerResponse> getCreateAnswerMethod;
    if ((getCreateAnswerMethod = QuestionServiceGrpc.getCreateAnswerMethod) == null) {
      synchronized (QuestionServiceGrpc.class) {
        if ((getCreateAnswerMethod = QuestionServiceGrpc.getCreateAnswerMethod) == null) {
          QuestionServiceGrpc.getCreateAnswerMethod = getCreateAnswerMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.CreateAnswerRequest, tw.jipan.market.v1.CreateAnswerResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateAnswer"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.CreateAnswerRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.CreateAnswerResponse.getDefaultInstance()))
              .setSchemaDescriptor(new QuestionServiceMethodDescriptorSupplier("CreateAnswer"))
              .build();
        }
      }
    }
    return getCreateAnswerMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.ListAnswersRequest,
      tw.jipan.market.v1.ListAnswersResponse> getListAnswersMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListAnswers",
      requestType = tw.jipan.market.v1.ListAnswersRequest.class,
      responseType = tw.jipan.market.v1.ListAnswersResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.ListAnswersRequest,
      tw.jipan.market.v1.ListAnswersResponse> getListAnswersMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.ListAnswersRequest, tw.jipan.market.v1.ListAnswersResponse> getListAnswersMethod;
    if ((getListAnswersMethod = QuestionServiceGrpc.getListAnswersMethod) == null) {
      synchronized (QuestionServiceGrpc.class) {
        if ((getListAnswersMethod = QuestionServiceGrpc.getListAnswersMethod) == null) {
          QuestionServiceGrpc.getListAnswersMethod = getListAnswersMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.ListAnswersRequest, tw.jipan.market.v1.ListAnswersResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListAnswers"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListAnswersRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListAnswersResponse.getDefaultInstance()))
              .setSchemaDescriptor(new QuestionServiceMethodDescriptorSupplier("ListAnswers"))
              .build();
        }
      }
    }
    return getListAnswersMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.VoteAnswerRequest,
      tw.jipan.market.v1.VoteAnswerResponse> getVoteAnswerMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "VoteAnswer",
      requestType = tw.jipan.market.v1.VoteAnswerRequest.class,
      responseType = tw.jipan.market.v1.VoteAnswerResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.VoteAnswerRequest,
      tw.jipan.market.v1.VoteAnswerResponse> getVoteAnswerMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.VoteAnswerRequest, tw.jipan.market.v1.VoteAnswerResponse> getVoteAnswerMethod;
    if ((getVoteAnswerMethod = QuestionServiceGrpc.getVoteAnswerMethod) == null) {
      synchronized (QuestionServiceGrpc.class) {
        if ((getVoteAnswerMethod = QuestionServiceGrpc.getVoteAnswerMethod) == null) {
          QuestionServiceGrpc.getVoteAnswerMethod = getVoteAnswerMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.VoteAnswerRequest, tw.jipan.market.v1.VoteAnswerResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "VoteAnswer"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.VoteAnswerRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.VoteAnswerResponse.getDefaultInstance()))
              .setSchemaDescriptor(new QuestionServiceMethodDescriptorSupplier("VoteAnswer"))
              .build();
        }
      }
    }
    return getVoteAnswerMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.AcceptAnswerRequest,
      tw.jipan.market.v1.AcceptAnswerResponse> getAcceptAnswerMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "AcceptAnswer",
      requestType = tw.jipan.market.v1.AcceptAnswerRequest.class,
      responseType = tw.jipan.market.v1.AcceptAnswerResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.AcceptAnswerRequest,
      tw.jipan.market.v1.AcceptAnswerResponse> getAcceptAnswerMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.AcceptAnswerRequest, tw.jipan.market.v1.AcceptAnswerResponse> getAcceptAnswerMethod;
    if ((getAcceptAnswerMethod = QuestionServiceGrpc.getAcceptAnswerMethod) == null) {
      synchronized (QuestionServiceGrpc.class) {
        if ((getAcceptAnswerMethod = QuestionServiceGrpc.getAcceptAnswerMethod) == null) {
          QuestionServiceGrpc.getAcceptAnswerMethod = getAcceptAnswerMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.AcceptAnswerRequest, tw.jipan.market.v1.AcceptAnswerResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "AcceptAnswer"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.AcceptAnswerRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.AcceptAnswerResponse.getDefaultInstance()))
              .setSchemaDescriptor(new QuestionServiceMethodDescriptorSupplier("AcceptAnswer"))
              .build();
        }
      }
    }
    return getAcceptAnswerMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.ReportContentRequest,
      tw.jipan.market.v1.ReportContentResponse> getReportContentMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ReportContent",
      requestType = tw.jipan.market.v1.ReportContentRequest.class,
      responseType = tw.jipan.market.v1.ReportContentResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.ReportContentRequest,
      tw.jipan.market.v1.ReportContentResponse> getReportContentMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.ReportContentRequest, tw.jipan.market.v1.ReportContentResponse> getReportContentMethod;
    if ((getReportContentMethod = QuestionServiceGrpc.getReportContentMethod) == null) {
      synchronized (QuestionServiceGrpc.class) {
        if ((getReportContentMethod = QuestionServiceGrpc.getReportContentMethod) == null) {
          QuestionServiceGrpc.getReportContentMethod = getReportContentMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.ReportContentRequest, tw.jipan.market.v1.ReportContentResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ReportContent"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ReportContentRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ReportContentResponse.getDefaultInstance()))
              .setSchemaDescriptor(new QuestionServiceMethodDescriptorSupplier("ReportContent"))
              .build();
        }
      }
    }
    return getReportContentMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.HideContentRequest,
      tw.jipan.market.v1.HideContentResponse> getHideContentMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "HideContent",
      requestType = tw.jipan.market.v1.HideContentRequest.class,
      responseType = tw.jipan.market.v1.HideContentResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.HideContentRequest,
      tw.jipan.market.v1.HideContentResponse> getHideContentMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.HideContentRequest, tw.jipan.market.v1.HideContentResponse> getHideContentMethod;
    if ((getHideContentMethod = QuestionServiceGrpc.getHideContentMethod) == null) {
      synchronized (QuestionServiceGrpc.class) {
        if ((getHideContentMethod = QuestionServiceGrpc.getHideContentMethod) == null) {
          QuestionServiceGrpc.getHideContentMethod = getHideContentMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.HideContentRequest, tw.jipan.market.v1.HideContentResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "HideContent"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.HideContentRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.HideContentResponse.getDefaultInstance()))
              .setSchemaDescriptor(new QuestionServiceMethodDescriptorSupplier("HideContent"))
              .build();
        }
      }
    }
    return getHideContentMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static QuestionServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<QuestionServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<QuestionServiceStub>() {
        @java.lang.Override
        public QuestionServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new QuestionServiceStub(channel, callOptions);
        }
      };
    return QuestionServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static QuestionServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<QuestionServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<QuestionServiceBlockingStub>() {
        @java.lang.Override
        public QuestionServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new QuestionServiceBlockingStub(channel, callOptions);
        }
      };
    return QuestionServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static QuestionServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<QuestionServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<QuestionServiceFutureStub>() {
        @java.lang.Override
        public QuestionServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new QuestionServiceFutureStub(channel, callOptions);
        }
      };
    return QuestionServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Questions and answers per project: votes, an accepted answer chosen by the
   * asker, moderation (report, hide with a reason), notifications to
   * subscribers.
   * </pre>
   */
  public static abstract class QuestionServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Asks a question about a project.
     * </pre>
     */
    public void createQuestion(tw.jipan.market.v1.CreateQuestionRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateQuestionResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateQuestionMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns a question.
     * </pre>
     */
    public void getQuestion(tw.jipan.market.v1.GetQuestionRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.GetQuestionResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetQuestionMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists a project's questions, newest first; hidden ones only for their
     * authors and moderators.
     * </pre>
     */
    public void listQuestions(tw.jipan.market.v1.ListQuestionsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListQuestionsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListQuestionsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Answers a question.
     * </pre>
     */
    public void createAnswer(tw.jipan.market.v1.CreateAnswerRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateAnswerResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateAnswerMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists a question's answers: the accepted one first, then by score.
     * </pre>
     */
    public void listAnswers(tw.jipan.market.v1.ListAnswersRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListAnswersResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListAnswersMethod(), responseObserver);
    }

    /**
     * <pre>
     * Votes an answer up (+1) or down (-1), or takes the caller's vote back (0);
     * one vote per person.
     * </pre>
     */
    public void voteAnswer(tw.jipan.market.v1.VoteAnswerRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.VoteAnswerResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getVoteAnswerMethod(), responseObserver);
    }

    /**
     * <pre>
     * Marks an answer accepted; only the question's author may.
     * </pre>
     */
    public void acceptAnswer(tw.jipan.market.v1.AcceptAnswerRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.AcceptAnswerResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getAcceptAnswerMethod(), responseObserver);
    }

    /**
     * <pre>
     * Reports a question or answer to the moderators.
     * </pre>
     */
    public void reportContent(tw.jipan.market.v1.ReportContentRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ReportContentResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getReportContentMethod(), responseObserver);
    }

    /**
     * <pre>
     * Hides a question or answer with a reason; moderators only.
     * </pre>
     */
    public void hideContent(tw.jipan.market.v1.HideContentRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.HideContentResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getHideContentMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getCreateQuestionMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.CreateQuestionRequest,
                tw.jipan.market.v1.CreateQuestionResponse>(
                  this, METHODID_CREATE_QUESTION)))
          .addMethod(
            getGetQuestionMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.GetQuestionRequest,
                tw.jipan.market.v1.GetQuestionResponse>(
                  this, METHODID_GET_QUESTION)))
          .addMethod(
            getListQuestionsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.ListQuestionsRequest,
                tw.jipan.market.v1.ListQuestionsResponse>(
                  this, METHODID_LIST_QUESTIONS)))
          .addMethod(
            getCreateAnswerMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.CreateAnswerRequest,
                tw.jipan.market.v1.CreateAnswerResponse>(
                  this, METHODID_CREATE_ANSWER)))
          .addMethod(
            getListAnswersMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.ListAnswersRequest,
                tw.jipan.market.v1.ListAnswersResponse>(
                  this, METHODID_LIST_ANSWERS)))
          .addMethod(
            getVoteAnswerMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.VoteAnswerRequest,
                tw.jipan.market.v1.VoteAnswerResponse>(
                  this, METHODID_VOTE_ANSWER)))
          .addMethod(
            getAcceptAnswerMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.AcceptAnswerRequest,
                tw.jipan.market.v1.AcceptAnswerResponse>(
                  this, METHODID_ACCEPT_ANSWER)))
          .addMethod(
            getReportContentMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.ReportContentRequest,
                tw.jipan.market.v1.ReportContentResponse>(
                  this, METHODID_REPORT_CONTENT)))
          .addMethod(
            getHideContentMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.HideContentRequest,
                tw.jipan.market.v1.HideContentResponse>(
                  this, METHODID_HIDE_CONTENT)))
          .build();
    }
  }

  /**
   * <pre>
   * Questions and answers per project: votes, an accepted answer chosen by the
   * asker, moderation (report, hide with a reason), notifications to
   * subscribers.
   * </pre>
   */
  public static final class QuestionServiceStub extends io.grpc.stub.AbstractAsyncStub<QuestionServiceStub> {
    private QuestionServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected QuestionServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new QuestionServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Asks a question about a project.
     * </pre>
     */
    public void createQuestion(tw.jipan.market.v1.CreateQuestionRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateQuestionResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateQuestionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns a question.
     * </pre>
     */
    public void getQuestion(tw.jipan.market.v1.GetQuestionRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.GetQuestionResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetQuestionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists a project's questions, newest first; hidden ones only for their
     * authors and moderators.
     * </pre>
     */
    public void listQuestions(tw.jipan.market.v1.ListQuestionsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListQuestionsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListQuestionsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Answers a question.
     * </pre>
     */
    public void createAnswer(tw.jipan.market.v1.CreateAnswerRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateAnswerResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateAnswerMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists a question's answers: the accepted one first, then by score.
     * </pre>
     */
    public void listAnswers(tw.jipan.market.v1.ListAnswersRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListAnswersResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListAnswersMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Votes an answer up (+1) or down (-1), or takes the caller's vote back (0);
     * one vote per person.
     * </pre>
     */
    public void voteAnswer(tw.jipan.market.v1.VoteAnswerRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.VoteAnswerResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getVoteAnswerMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Marks an answer accepted; only the question's author may.
     * </pre>
     */
    public void acceptAnswer(tw.jipan.market.v1.AcceptAnswerRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.AcceptAnswerResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getAcceptAnswerMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Reports a question or answer to the moderators.
     * </pre>
     */
    public void reportContent(tw.jipan.market.v1.ReportContentRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ReportContentResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getReportContentMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Hides a question or answer with a reason; moderators only.
     * </pre>
     */
    public void hideContent(tw.jipan.market.v1.HideContentRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.HideContentResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getHideContentMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * Questions and answers per project: votes, an accepted answer chosen by the
   * asker, moderation (report, hide with a reason), notifications to
   * subscribers.
   * </pre>
   */
  public static final class QuestionServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<QuestionServiceBlockingStub> {
    private QuestionServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected QuestionServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new QuestionServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Asks a question about a project.
     * </pre>
     */
    public tw.jipan.market.v1.CreateQuestionResponse createQuestion(tw.jipan.market.v1.CreateQuestionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateQuestionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns a question.
     * </pre>
     */
    public tw.jipan.market.v1.GetQuestionResponse getQuestion(tw.jipan.market.v1.GetQuestionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetQuestionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists a project's questions, newest first; hidden ones only for their
     * authors and moderators.
     * </pre>
     */
    public tw.jipan.market.v1.ListQuestionsResponse listQuestions(tw.jipan.market.v1.ListQuestionsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListQuestionsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Answers a question.
     * </pre>
     */
    public tw.jipan.market.v1.CreateAnswerResponse createAnswer(tw.jipan.market.v1.CreateAnswerRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateAnswerMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists a question's answers: the accepted one first, then by score.
     * </pre>
     */
    public tw.jipan.market.v1.ListAnswersResponse listAnswers(tw.jipan.market.v1.ListAnswersRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListAnswersMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Votes an answer up (+1) or down (-1), or takes the caller's vote back (0);
     * one vote per person.
     * </pre>
     */
    public tw.jipan.market.v1.VoteAnswerResponse voteAnswer(tw.jipan.market.v1.VoteAnswerRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getVoteAnswerMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Marks an answer accepted; only the question's author may.
     * </pre>
     */
    public tw.jipan.market.v1.AcceptAnswerResponse acceptAnswer(tw.jipan.market.v1.AcceptAnswerRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getAcceptAnswerMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reports a question or answer to the moderators.
     * </pre>
     */
    public tw.jipan.market.v1.ReportContentResponse reportContent(tw.jipan.market.v1.ReportContentRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getReportContentMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Hides a question or answer with a reason; moderators only.
     * </pre>
     */
    public tw.jipan.market.v1.HideContentResponse hideContent(tw.jipan.market.v1.HideContentRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getHideContentMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * Questions and answers per project: votes, an accepted answer chosen by the
   * asker, moderation (report, hide with a reason), notifications to
   * subscribers.
   * </pre>
   */
  public static final class QuestionServiceFutureStub extends io.grpc.stub.AbstractFutureStub<QuestionServiceFutureStub> {
    private QuestionServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected QuestionServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new QuestionServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Asks a question about a project.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.CreateQuestionResponse> createQuestion(
        tw.jipan.market.v1.CreateQuestionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateQuestionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns a question.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.GetQuestionResponse> getQuestion(
        tw.jipan.market.v1.GetQuestionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetQuestionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists a project's questions, newest first; hidden ones only for their
     * authors and moderators.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.ListQuestionsResponse> listQuestions(
        tw.jipan.market.v1.ListQuestionsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListQuestionsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Answers a question.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.CreateAnswerResponse> createAnswer(
        tw.jipan.market.v1.CreateAnswerRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateAnswerMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists a question's answers: the accepted one first, then by score.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.ListAnswersResponse> listAnswers(
        tw.jipan.market.v1.ListAnswersRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListAnswersMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Votes an answer up (+1) or down (-1), or takes the caller's vote back (0);
     * one vote per person.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.VoteAnswerResponse> voteAnswer(
        tw.jipan.market.v1.VoteAnswerRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getVoteAnswerMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Marks an answer accepted; only the question's author may.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.AcceptAnswerResponse> acceptAnswer(
        tw.jipan.market.v1.AcceptAnswerRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getAcceptAnswerMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Reports a question or answer to the moderators.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.ReportContentResponse> reportContent(
        tw.jipan.market.v1.ReportContentRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getReportContentMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Hides a question or answer with a reason; moderators only.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.HideContentResponse> hideContent(
        tw.jipan.market.v1.HideContentRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getHideContentMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_QUESTION = 0;
  private static final int METHODID_GET_QUESTION = 1;
  private static final int METHODID_LIST_QUESTIONS = 2;
  private static final int METHODID_CREATE_ANSWER = 3;
  private static final int METHODID_LIST_ANSWERS = 4;
  private static final int METHODID_VOTE_ANSWER = 5;
  private static final int METHODID_ACCEPT_ANSWER = 6;
  private static final int METHODID_REPORT_CONTENT = 7;
  private static final int METHODID_HIDE_CONTENT = 8;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final QuestionServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(QuestionServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_CREATE_QUESTION:
          serviceImpl.createQuestion((tw.jipan.market.v1.CreateQuestionRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateQuestionResponse>) responseObserver);
          break;
        case METHODID_GET_QUESTION:
          serviceImpl.getQuestion((tw.jipan.market.v1.GetQuestionRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.GetQuestionResponse>) responseObserver);
          break;
        case METHODID_LIST_QUESTIONS:
          serviceImpl.listQuestions((tw.jipan.market.v1.ListQuestionsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListQuestionsResponse>) responseObserver);
          break;
        case METHODID_CREATE_ANSWER:
          serviceImpl.createAnswer((tw.jipan.market.v1.CreateAnswerRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateAnswerResponse>) responseObserver);
          break;
        case METHODID_LIST_ANSWERS:
          serviceImpl.listAnswers((tw.jipan.market.v1.ListAnswersRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListAnswersResponse>) responseObserver);
          break;
        case METHODID_VOTE_ANSWER:
          serviceImpl.voteAnswer((tw.jipan.market.v1.VoteAnswerRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.VoteAnswerResponse>) responseObserver);
          break;
        case METHODID_ACCEPT_ANSWER:
          serviceImpl.acceptAnswer((tw.jipan.market.v1.AcceptAnswerRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.AcceptAnswerResponse>) responseObserver);
          break;
        case METHODID_REPORT_CONTENT:
          serviceImpl.reportContent((tw.jipan.market.v1.ReportContentRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.ReportContentResponse>) responseObserver);
          break;
        case METHODID_HIDE_CONTENT:
          serviceImpl.hideContent((tw.jipan.market.v1.HideContentRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.HideContentResponse>) responseObserver);
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

  private static abstract class QuestionServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    QuestionServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.market.v1.QuestionServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("QuestionService");
    }
  }

  private static final class QuestionServiceFileDescriptorSupplier
      extends QuestionServiceBaseDescriptorSupplier {
    QuestionServiceFileDescriptorSupplier() {}
  }

  private static final class QuestionServiceMethodDescriptorSupplier
      extends QuestionServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    QuestionServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (QuestionServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new QuestionServiceFileDescriptorSupplier())
              .addMethod(getCreateQuestionMethod())
              .addMethod(getGetQuestionMethod())
              .addMethod(getListQuestionsMethod())
              .addMethod(getCreateAnswerMethod())
              .addMethod(getListAnswersMethod())
              .addMethod(getVoteAnswerMethod())
              .addMethod(getAcceptAnswerMethod())
              .addMethod(getReportContentMethod())
              .addMethod(getHideContentMethod())
              .build();
        }
      }
    }
    return result;
  }
}
