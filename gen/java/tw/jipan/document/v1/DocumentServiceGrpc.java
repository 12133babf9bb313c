package tw.jipan.document.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Reads text in scanned documents and photographs (OCR): Traditional and
 * Simplified Chinese and English, horizontal and vertical. The models
 * (PP-OCRv4 text detection and recognition and the PP-OCR text direction
 * classifier, the registry's public `ocr-text-detection`,
 * `ocr-text-recognition` and `ocr-text-direction`) run on the serving
 * backend through the inference gateway (`inference.GRPCInferenceService`);
 * this service decodes the image or renders the PDF's pages, finds the text
 * lines, crops them, turns upside-down ones, and decodes what the
 * recognition model reads.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/document/v1/document_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class DocumentServiceGrpc {

  private DocumentServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.document.v1.DocumentService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.document.v1.ExtractTextRequest,
      tw.jipan.document.v1.ExtractTextResponse> getExtractTextMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ExtractText",
      requestType = tw.jipan.document.v1.ExtractTextRequest.class,
      responseType = tw.jipan.document.v1.ExtractTextResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.document.v1.ExtractTextRequest,
      tw.jipan.document.v1.ExtractTextResponse> getExtractTextMethod() {
    io.grpc.MethodDescriptor<tw.jipan.document.v1.ExtractTextRequest, tw.jipan.document.v1.ExtractTextResponse> getExtractTextMethod;
    if ((getExtractTextMethod = DocumentServiceGrpc.getExtractTextMethod) == null) {
      synchronized (DocumentServiceGrpc.class) {
        if ((getExtractTextMethod = DocumentServiceGrpc.getExtractTextMethod) == null) {
          DocumentServiceGrpc.getExtractTextMethod = getExtractTextMethod =
              io.grpc.MethodDescriptor.<tw.jipan.document.v1.ExtractTextRequest, tw.jipan.document.v1.ExtractTextResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ExtractText"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.document.v1.ExtractTextRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.document.v1.ExtractTextResponse.getDefaultInstance()))
              .setSchemaDescriptor(new DocumentServiceMethodDescriptorSupplier("ExtractText"))
              .build();
        }
      }
    }
    return getExtractTextMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.document.v1.ExtractDocumentTextRequest,
      tw.jipan.document.v1.ExtractDocumentTextResponse> getExtractDocumentTextMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ExtractDocumentText",
      requestType = tw.jipan.document.v1.ExtractDocumentTextRequest.class,
      responseType = tw.jipan.document.v1.ExtractDocumentTextResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.document.v1.ExtractDocumentTextRequest,
      tw.jipan.document.v1.ExtractDocumentTextResponse> getExtractDocumentTextMethod() {
    io.grpc.MethodDescriptor<tw.jipan.document.v1.ExtractDocumentTextRequest, tw.jipan.document.v1.ExtractDocumentTextResponse> getExtractDocumentTextMethod;
    if ((getExtractDocumentTextMethod = DocumentServiceGrpc.getExtractDocumentTextMethod) == null) {
      synchronized (DocumentServiceGrpc.class) {
        if ((getExtractDocumentTextMethod = DocumentServiceGrpc.getExtractDocumentTextMethod) == null) {
          DocumentServiceGrpc.getExtractDocumentTextMethod = getExtractDocumentTextMethod =
              io.grpc.MethodDescriptor.<tw.jipan.document.v1.ExtractDocumentTextRequest, tw.jipan.document.v1.ExtractDocumentTextResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ExtractDocumentText"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.document.v1.ExtractDocumentTextRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.document.v1.ExtractDocumentTextResponse.getDefaultInstance()))
              .setSchemaDescriptor(new DocumentServiceMethodDescriptorSupplier("ExtractDocumentText"))
              .build();
        }
      }
    }
    return getExtractDocumentTextMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.document.v1.GetOperationRequest,
      tw.jipan.document.v1.GetOperationResponse> getGetOperationMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetOperation",
      requestType = tw.jipan.document.v1.GetOperationRequest.class,
      responseType = tw.jipan.document.v1.GetOperationResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.document.v1.GetOperationRequest,
      tw.jipan.document.v1.GetOperationResponse> getGetOperationMethod() {
    io.grpc.MethodDescriptor<tw.jipan.document.v1.GetOperationRequest, tw.jipan.document.v1.GetOperationResponse> getGetOperationMethod;
    if ((getGetOperationMethod = DocumentServiceGrpc.getGetOperationMethod) == null) {
      synchronized (DocumentServiceGrpc.class) {
        if ((getGetOperationMethod = DocumentServiceGrpc.getGetOperationMethod) == null) {
          DocumentServiceGrpc.getGetOperationMethod = getGetOperationMethod =
              io.grpc.MethodDescriptor.<tw.jipan.document.v1.GetOperationRequest, tw.jipan.document.v1.GetOperationResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetOperation"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.document.v1.GetOperationRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.document.v1.GetOperationResponse.getDefaultInstance()))
              .setSchemaDescriptor(new DocumentServiceMethodDescriptorSupplier("GetOperation"))
              .build();
        }
      }
    }
    return getGetOperationMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.document.v1.ListOperationsRequest,
      tw.jipan.document.v1.ListOperationsResponse> getListOperationsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListOperations",
      requestType = tw.jipan.document.v1.ListOperationsRequest.class,
      responseType = tw.jipan.document.v1.ListOperationsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.document.v1.ListOperationsRequest,
      tw.jipan.document.v1.ListOperationsResponse> getListOperationsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.document.v1.ListOperationsRequest, tw.jipan.document.v1.ListOperationsResponse> getListOperationsMethod;
    if ((getListOperationsMethod = DocumentServiceGrpc.getListOperationsMethod) == null) {
      synchronized (DocumentServiceGrpc.class) {
        if ((getListOperationsMethod = DocumentServiceGrpc.getListOperationsMethod) == null) {
          DocumentServiceGrpc.getListOperationsMethod = getListOperationsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.document.v1.ListOperationsRequest, tw.jipan.document.v1.ListOperationsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListOperations"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.document.v1.ListOperationsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.document.v1.ListOperationsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new DocumentServiceMethodDescriptorSupplier("ListOperations"))
              .build();
        }
      }
    }
    return getListOperationsMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static DocumentServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<DocumentServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<DocumentServiceStub>() {
        @java.lang.Override
        public DocumentServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new DocumentServiceStub(channel, callOptions);
        }
      };
    return DocumentServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static DocumentServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<DocumentServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<DocumentServiceBlockingStub>() {
        @java.lang.Override
        public DocumentServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new DocumentServiceBlockingStub(channel, callOptions);
        }
      };
    return DocumentServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static DocumentServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<DocumentServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<DocumentServiceFutureStub>() {
        @java.lang.Override
        public DocumentServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new DocumentServiceFutureStub(channel, callOptions);
        }
      };
    return DocumentServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Reads text in scanned documents and photographs (OCR): Traditional and
   * Simplified Chinese and English, horizontal and vertical. The models
   * (PP-OCRv4 text detection and recognition and the PP-OCR text direction
   * classifier, the registry's public `ocr-text-detection`,
   * `ocr-text-recognition` and `ocr-text-direction`) run on the serving
   * backend through the inference gateway (`inference.GRPCInferenceService`);
   * this service decodes the image or renders the PDF's pages, finds the text
   * lines, crops them, turns upside-down ones, and decodes what the
   * recognition model reads.
   * </pre>
   */
  public static abstract class DocumentServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Reads the text of one image: its lines, where they are, how sure the
     * model is, and in which order to read them. Answers UNAVAILABLE
     * OCR_UNAVAILABLE (with a RetryInfo) while the models are not deployed.
     * </pre>
     */
    public void extractText(tw.jipan.document.v1.ExtractTextRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.document.v1.ExtractTextResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getExtractTextMethod(), responseObserver);
    }

    /**
     * <pre>
     * Starts reading a PDF of up to 200 pages (or one image) in the background
     * (AIP-151): the operation's metadata counts the pages read, and once it is
     * done its response is what ExtractText would have answered. The content is
     * checked (format, size, page count, embedded image sizes) before the call
     * returns; a replayed `request_id` returns the same operation.
     * </pre>
     */
    public void extractDocumentText(tw.jipan.document.v1.ExtractDocumentTextRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.document.v1.ExtractDocumentTextResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getExtractDocumentTextMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns an operation started by the caller (or by the caller's
     * organisation); poll it until `done`.
     * </pre>
     */
    public void getOperation(tw.jipan.document.v1.GetOperationRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.document.v1.GetOperationResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetOperationMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the operations GetOperation would return to the caller (those it
     * started, and those of its organisation), newest first, optionally only
     * the finished or only the unfinished ones (AIP-151, AIP-158). The listed
     * operations carry their metadata, `done` and any `error`, but not the
     * text read: GetOperation returns that. Another organisation's operations
     * never appear.
     * </pre>
     */
    public void listOperations(tw.jipan.document.v1.ListOperationsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.document.v1.ListOperationsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListOperationsMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getExtractTextMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.document.v1.ExtractTextRequest,
                tw.jipan.document.v1.ExtractTextResponse>(
                  this, METHODID_EXTRACT_TEXT)))
          .addMethod(
            getExtractDocumentTextMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.document.v1.ExtractDocumentTextRequest,
                tw.jipan.document.v1.ExtractDocumentTextResponse>(
                  this, METHODID_EXTRACT_DOCUMENT_TEXT)))
          .addMethod(
            getGetOperationMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.document.v1.GetOperationRequest,
                tw.jipan.document.v1.GetOperationResponse>(
                  this, METHODID_GET_OPERATION)))
          .addMethod(
            getListOperationsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.document.v1.ListOperationsRequest,
                tw.jipan.document.v1.ListOperationsResponse>(
                  this, METHODID_LIST_OPERATIONS)))
          .build();
    }
  }

  /**
   * <pre>
   * Reads text in scanned documents and photographs (OCR): Traditional and
   * Simplified Chinese and English, horizontal and vertical. The models
   * (PP-OCRv4 text detection and recognition and the PP-OCR text direction
   * classifier, the registry's public `ocr-text-detection`,
   * `ocr-text-recognition` and `ocr-text-direction`) run on the serving
   * backend through the inference gateway (`inference.GRPCInferenceService`);
   * this service decodes the image or renders the PDF's pages, finds the text
   * lines, crops them, turns upside-down ones, and decodes what the
   * recognition model reads.
   * </pre>
   */
  public static final class DocumentServiceStub extends io.grpc.stub.AbstractAsyncStub<DocumentServiceStub> {
    private DocumentServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected DocumentServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new DocumentServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Reads the text of one image: its lines, where they are, how sure the
     * model is, and in which order to read them. Answers UNAVAILABLE
     * OCR_UNAVAILABLE (with a RetryInfo) while the models are not deployed.
     * </pre>
     */
    public void extractText(tw.jipan.document.v1.ExtractTextRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.document.v1.ExtractTextResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getExtractTextMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Starts reading a PDF of up to 200 pages (or one image) in the background
     * (AIP-151): the operation's metadata counts the pages read, and once it is
     * done its response is what ExtractText would have answered. The content is
     * checked (format, size, page count, embedded image sizes) before the call
     * returns; a replayed `request_id` returns the same operation.
     * </pre>
     */
    public void extractDocumentText(tw.jipan.document.v1.ExtractDocumentTextRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.document.v1.ExtractDocumentTextResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getExtractDocumentTextMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns an operation started by the caller (or by the caller's
     * organisation); poll it until `done`.
     * </pre>
     */
    public void getOperation(tw.jipan.document.v1.GetOperationRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.document.v1.GetOperationResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetOperationMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the operations GetOperation would return to the caller (those it
     * started, and those of its organisation), newest first, optionally only
     * the finished or only the unfinished ones (AIP-151, AIP-158). The listed
     * operations carry their metadata, `done` and any `error`, but not the
     * text read: GetOperation returns that. Another organisation's operations
     * never appear.
     * </pre>
     */
    public void listOperations(tw.jipan.document.v1.ListOperationsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.document.v1.ListOperationsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListOperationsMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * Reads text in scanned documents and photographs (OCR): Traditional and
   * Simplified Chinese and English, horizontal and vertical. The models
   * (PP-OCRv4 text detection and recognition and the PP-OCR text direction
   * classifier, the registry's public `ocr-text-detection`,
   * `ocr-text-recognition` and `ocr-text-direction`) run on the serving
   * backend through the inference gateway (`inference.GRPCInferenceService`);
   * this service decodes the image or renders the PDF's pages, finds the text
   * lines, crops them, turns upside-down ones, and decodes what the
   * recognition model reads.
   * </pre>
   */
  public static final class DocumentServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<DocumentServiceBlockingStub> {
    private DocumentServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected DocumentServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new DocumentServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Reads the text of one image: its lines, where they are, how sure the
     * model is, and in which order to read them. Answers UNAVAILABLE
     * OCR_UNAVAILABLE (with a RetryInfo) while the models are not deployed.
     * </pre>
     */
    public tw.jipan.document.v1.ExtractTextResponse extractText(tw.jipan.document.v1.ExtractTextRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getExtractTextMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Starts reading a PDF of up to 200 pages (or one image) in the background
     * (AIP-151): the operation's metadata counts the pages read, and once it is
     * done its response is what ExtractText would have answered. The content is
     * checked (format, size, page count, embedded image sizes) before the call
     * returns; a replayed `request_id` returns the same operation.
     * </pre>
     */
    public tw.jipan.document.v1.ExtractDocumentTextResponse extractDocumentText(tw.jipan.document.v1.ExtractDocumentTextRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getExtractDocumentTextMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns an operation started by the caller (or by the caller's
     * organisation); poll it until `done`.
     * </pre>
     */
    public tw.jipan.document.v1.GetOperationResponse getOperation(tw.jipan.document.v1.GetOperationRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetOperationMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the operations GetOperation would return to the caller (those it
     * started, and those of its organisation), newest first, optionally only
     * the finished or only the unfinished ones (AIP-151, AIP-158). The listed
     * operations carry their metadata, `done` and any `error`, but not the
     * text read: GetOperation returns that. Another organisation's operations
     * never appear.
     * </pre>
     */
    public tw.jipan.document.v1.ListOperationsResponse listOperations(tw.jipan.document.v1.ListOperationsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListOperationsMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * Reads text in scanned documents and photographs (OCR): Traditional and
   * Simplified Chinese and English, horizontal and vertical. The models
   * (PP-OCRv4 text detection and recognition and the PP-OCR text direction
   * classifier, the registry's public `ocr-text-detection`,
   * `ocr-text-recognition` and `ocr-text-direction`) run on the serving
   * backend through the inference gateway (`inference.GRPCInferenceService`);
   * this service decodes the image or renders the PDF's pages, finds the text
   * lines, crops them, turns upside-down ones, and decodes what the
   * recognition model reads.
   * </pre>
   */
  public static final class DocumentServiceFutureStub extends io.grpc.stub.AbstractFutureStub<DocumentServiceFutureStub> {
    private DocumentServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected DocumentServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new DocumentServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Reads the text of one image: its lines, where they are, how sure the
     * model is, and in which order to read them. Answers UNAVAILABLE
     * OCR_UNAVAILABLE (with a RetryInfo) while the models are not deployed.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.document.v1.ExtractTextResponse> extractText(
        tw.jipan.document.v1.ExtractTextRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getExtractTextMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Starts reading a PDF of up to 200 pages (or one image) in the background
     * (AIP-151): the operation's metadata counts the pages read, and once it is
     * done its response is what ExtractText would have answered. The content is
     * checked (format, size, page count, embedded image sizes) before the call
     * returns; a replayed `request_id` returns the same operation.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.document.v1.ExtractDocumentTextResponse> extractDocumentText(
        tw.jipan.document.v1.ExtractDocumentTextRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getExtractDocumentTextMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns an operation started by the caller (or by the caller's
     * organisation); poll it until `done`.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.document.v1.GetOperationResponse> getOperation(
        tw.jipan.document.v1.GetOperationRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetOperationMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the operations GetOperation would return to the caller (those it
     * started, and those of its organisation), newest first, optionally only
     * the finished or only the unfinished ones (AIP-151, AIP-158). The listed
     * operations carry their metadata, `done` and any `error`, but not the
     * text read: GetOperation returns that. Another organisation's operations
     * never appear.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.document.v1.ListOperationsResponse> listOperations(
        tw.jipan.document.v1.ListOperationsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListOperationsMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_EXTRACT_TEXT = 0;
  private static final int METHODID_EXTRACT_DOCUMENT_TEXT = 1;
  private static final int METHODID_GET_OPERATION = 2;
  private static final int METHODID_LIST_OPERATIONS = 3;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final DocumentServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(DocumentServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_EXTRACT_TEXT:
          serviceImpl.extractText((tw.jipan.document.v1.ExtractTextRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.document.v1.ExtractTextResponse>) responseObserver);
          break;
        case METHODID_EXTRACT_DOCUMENT_TEXT:
          serviceImpl.extractDocumentText((tw.jipan.document.v1.ExtractDocumentTextRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.document.v1.ExtractDocumentTextResponse>) responseObserver);
          break;
        case METHODID_GET_OPERATION:
          serviceImpl.getOperation((tw.jipan.document.v1.GetOperationRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.document.v1.GetOperationResponse>) responseObserver);
          break;
        case METHODID_LIST_OPERATIONS:
          serviceImpl.listOperations((tw.jipan.document.v1.ListOperationsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.document.v1.ListOperationsResponse>) responseObserver);
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

  private static abstract class DocumentServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    DocumentServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.document.v1.DocumentServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("DocumentService");
    }
  }

  private static final class DocumentServiceFileDescriptorSupplier
      extends DocumentServiceBaseDescriptorSupplier {
    DocumentServiceFileDescriptorSupplier() {}
  }

  private static final class DocumentServiceMethodDescriptorSupplier
      extends DocumentServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    DocumentServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (DocumentServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new DocumentServiceFileDescriptorSupplier())
              .addMethod(getExtractTextMethod())
              .addMethod(getExtractDocumentTextMethod())
              .addMethod(getGetOperationMethod())
              .addMethod(getListOperationsMethod())
              .build();
        }
      }
    }
    return result;
  }
}
