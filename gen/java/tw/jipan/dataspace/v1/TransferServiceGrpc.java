package tw.jipan.dataspace.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Transfer processes (Dataspace Protocol 2025-1): a consumer pulls one
 * distribution of a dataset under an agreement in force (or has the
 * provider push it into a bucket of its own through the cloud broker), through the
 * protocol's states REQUESTED → STARTED ⇄ SUSPENDED → COMPLETED, or
 * TERMINATED by either side. Each request and each download is checked
 * against the agreement's usage policy at that moment (action `read`), and
 * every step is recorded in the negotiation's usage log. The service acts
 * as the provider's connector: a transfer of uploaded data starts at once.
 * Personal data (Dataset.personal_data) are released per person, only
 * under that person's identity consent, checked at the request and at
 * every resume and download.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/dataspace/v1/transfer_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class TransferServiceGrpc {

  private TransferServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.dataspace.v1.TransferService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.RequestTransferRequest,
      tw.jipan.dataspace.v1.RequestTransferResponse> getRequestTransferMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RequestTransfer",
      requestType = tw.jipan.dataspace.v1.RequestTransferRequest.class,
      responseType = tw.jipan.dataspace.v1.RequestTransferResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.RequestTransferRequest,
      tw.jipan.dataspace.v1.RequestTransferResponse> getRequestTransferMethod() {
    io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.RequestTransferRequest, tw.jipan.dataspace.v1.RequestTransferResponse> getRequestTransferMethod;
    if ((getRequestTransferMethod = TransferServiceGrpc.getRequestTransferMethod) == null) {
      synchronized (TransferServiceGrpc.class) {
        if ((getRequestTransferMethod = TransferServiceGrpc.getRequestTransferMethod) == null) {
          TransferServiceGrpc.getRequestTransferMethod = getRequestTransferMethod =
              io.grpc.MethodDescriptor.<tw.jipan.dataspace.v1.RequestTransferRequest, tw.jipan.dataspace.v1.RequestTransferResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RequestTransfer"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.RequestTransferRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.RequestTransferResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TransferServiceMethodDescriptorSupplier("RequestTransfer"))
              .build();
        }
      }
    }
    return getRequestTransferMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.SuspendTransferRequest,
      tw.jipan.dataspace.v1.SuspendTransferResponse> getSuspendTransferMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "SuspendTransfer",
      requestType = tw.jipan.dataspace.v1.SuspendTransferRequest.class,
      responseType = tw.jipan.dataspace.v1.SuspendTransferResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.SuspendTransferRequest,
      tw.jipan.dataspace.v1.SuspendTransferResponse> getSuspendTransferMethod() {
    io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.SuspendTransferRequest, tw.jipan.dataspace.v1.SuspendTransferResponse> getSuspendTransferMethod;
    if ((getSuspendTransferMethod = TransferServiceGrpc.getSuspendTransferMethod) == null) {
      synchronized (TransferServiceGrpc.class) {
        if ((getSuspendTransferMethod = TransferServiceGrpc.getSuspendTransferMethod) == null) {
          TransferServiceGrpc.getSuspendTransferMethod = getSuspendTransferMethod =
              io.grpc.MethodDescriptor.<tw.jipan.dataspace.v1.SuspendTransferRequest, tw.jipan.dataspace.v1.SuspendTransferResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "SuspendTransfer"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.SuspendTransferRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.SuspendTransferResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TransferServiceMethodDescriptorSupplier("SuspendTransfer"))
              .build();
        }
      }
    }
    return getSuspendTransferMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.ResumeTransferRequest,
      tw.jipan.dataspace.v1.ResumeTransferResponse> getResumeTransferMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ResumeTransfer",
      requestType = tw.jipan.dataspace.v1.ResumeTransferRequest.class,
      responseType = tw.jipan.dataspace.v1.ResumeTransferResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.ResumeTransferRequest,
      tw.jipan.dataspace.v1.ResumeTransferResponse> getResumeTransferMethod() {
    io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.ResumeTransferRequest, tw.jipan.dataspace.v1.ResumeTransferResponse> getResumeTransferMethod;
    if ((getResumeTransferMethod = TransferServiceGrpc.getResumeTransferMethod) == null) {
      synchronized (TransferServiceGrpc.class) {
        if ((getResumeTransferMethod = TransferServiceGrpc.getResumeTransferMethod) == null) {
          TransferServiceGrpc.getResumeTransferMethod = getResumeTransferMethod =
              io.grpc.MethodDescriptor.<tw.jipan.dataspace.v1.ResumeTransferRequest, tw.jipan.dataspace.v1.ResumeTransferResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ResumeTransfer"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.ResumeTransferRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.ResumeTransferResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TransferServiceMethodDescriptorSupplier("ResumeTransfer"))
              .build();
        }
      }
    }
    return getResumeTransferMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.CompleteTransferRequest,
      tw.jipan.dataspace.v1.CompleteTransferResponse> getCompleteTransferMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CompleteTransfer",
      requestType = tw.jipan.dataspace.v1.CompleteTransferRequest.class,
      responseType = tw.jipan.dataspace.v1.CompleteTransferResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.CompleteTransferRequest,
      tw.jipan.dataspace.v1.CompleteTransferResponse> getCompleteTransferMethod() {
    io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.CompleteTransferRequest, tw.jipan.dataspace.v1.CompleteTransferResponse> getCompleteTransferMethod;
    if ((getCompleteTransferMethod = TransferServiceGrpc.getCompleteTransferMethod) == null) {
      synchronized (TransferServiceGrpc.class) {
        if ((getCompleteTransferMethod = TransferServiceGrpc.getCompleteTransferMethod) == null) {
          TransferServiceGrpc.getCompleteTransferMethod = getCompleteTransferMethod =
              io.grpc.MethodDescriptor.<tw.jipan.dataspace.v1.CompleteTransferRequest, tw.jipan.dataspace.v1.CompleteTransferResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CompleteTransfer"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.CompleteTransferRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.CompleteTransferResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TransferServiceMethodDescriptorSupplier("CompleteTransfer"))
              .build();
        }
      }
    }
    return getCompleteTransferMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.TerminateTransferRequest,
      tw.jipan.dataspace.v1.TerminateTransferResponse> getTerminateTransferMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "TerminateTransfer",
      requestType = tw.jipan.dataspace.v1.TerminateTransferRequest.class,
      responseType = tw.jipan.dataspace.v1.TerminateTransferResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.TerminateTransferRequest,
      tw.jipan.dataspace.v1.TerminateTransferResponse> getTerminateTransferMethod() {
    io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.TerminateTransferRequest, tw.jipan.dataspace.v1.TerminateTransferResponse> getTerminateTransferMethod;
    if ((getTerminateTransferMethod = TransferServiceGrpc.getTerminateTransferMethod) == null) {
      synchronized (TransferServiceGrpc.class) {
        if ((getTerminateTransferMethod = TransferServiceGrpc.getTerminateTransferMethod) == null) {
          TransferServiceGrpc.getTerminateTransferMethod = getTerminateTransferMethod =
              io.grpc.MethodDescriptor.<tw.jipan.dataspace.v1.TerminateTransferRequest, tw.jipan.dataspace.v1.TerminateTransferResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "TerminateTransfer"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.TerminateTransferRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.TerminateTransferResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TransferServiceMethodDescriptorSupplier("TerminateTransfer"))
              .build();
        }
      }
    }
    return getTerminateTransferMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.GetTransferRequest,
      tw.jipan.dataspace.v1.GetTransferResponse> getGetTransferMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetTransfer",
      requestType = tw.jipan.dataspace.v1.GetTransferRequest.class,
      responseType = tw.jipan.dataspace.v1.GetTransferResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.GetTransferRequest,
      tw.jipan.dataspace.v1.GetTransferResponse> getGetTransferMethod() {
    io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.GetTransferRequest, tw.jipan.dataspace.v1.GetTransferResponse> getGetTransferMethod;
    if ((getGetTransferMethod = TransferServiceGrpc.getGetTransferMethod) == null) {
      synchronized (TransferServiceGrpc.class) {
        if ((getGetTransferMethod = TransferServiceGrpc.getGetTransferMethod) == null) {
          TransferServiceGrpc.getGetTransferMethod = getGetTransferMethod =
              io.grpc.MethodDescriptor.<tw.jipan.dataspace.v1.GetTransferRequest, tw.jipan.dataspace.v1.GetTransferResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetTransfer"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.GetTransferRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.GetTransferResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TransferServiceMethodDescriptorSupplier("GetTransfer"))
              .build();
        }
      }
    }
    return getGetTransferMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.ListTransfersRequest,
      tw.jipan.dataspace.v1.ListTransfersResponse> getListTransfersMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListTransfers",
      requestType = tw.jipan.dataspace.v1.ListTransfersRequest.class,
      responseType = tw.jipan.dataspace.v1.ListTransfersResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.ListTransfersRequest,
      tw.jipan.dataspace.v1.ListTransfersResponse> getListTransfersMethod() {
    io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.ListTransfersRequest, tw.jipan.dataspace.v1.ListTransfersResponse> getListTransfersMethod;
    if ((getListTransfersMethod = TransferServiceGrpc.getListTransfersMethod) == null) {
      synchronized (TransferServiceGrpc.class) {
        if ((getListTransfersMethod = TransferServiceGrpc.getListTransfersMethod) == null) {
          TransferServiceGrpc.getListTransfersMethod = getListTransfersMethod =
              io.grpc.MethodDescriptor.<tw.jipan.dataspace.v1.ListTransfersRequest, tw.jipan.dataspace.v1.ListTransfersResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListTransfers"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.ListTransfersRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.ListTransfersResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TransferServiceMethodDescriptorSupplier("ListTransfers"))
              .build();
        }
      }
    }
    return getListTransfersMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.DownloadTransferRequest,
      tw.jipan.dataspace.v1.DownloadTransferResponse> getDownloadTransferMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DownloadTransfer",
      requestType = tw.jipan.dataspace.v1.DownloadTransferRequest.class,
      responseType = tw.jipan.dataspace.v1.DownloadTransferResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.DownloadTransferRequest,
      tw.jipan.dataspace.v1.DownloadTransferResponse> getDownloadTransferMethod() {
    io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.DownloadTransferRequest, tw.jipan.dataspace.v1.DownloadTransferResponse> getDownloadTransferMethod;
    if ((getDownloadTransferMethod = TransferServiceGrpc.getDownloadTransferMethod) == null) {
      synchronized (TransferServiceGrpc.class) {
        if ((getDownloadTransferMethod = TransferServiceGrpc.getDownloadTransferMethod) == null) {
          TransferServiceGrpc.getDownloadTransferMethod = getDownloadTransferMethod =
              io.grpc.MethodDescriptor.<tw.jipan.dataspace.v1.DownloadTransferRequest, tw.jipan.dataspace.v1.DownloadTransferResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DownloadTransfer"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.DownloadTransferRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.DownloadTransferResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TransferServiceMethodDescriptorSupplier("DownloadTransfer"))
              .build();
        }
      }
    }
    return getDownloadTransferMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.PresignDownloadRequest,
      tw.jipan.dataspace.v1.PresignDownloadResponse> getPresignDownloadMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "PresignDownload",
      requestType = tw.jipan.dataspace.v1.PresignDownloadRequest.class,
      responseType = tw.jipan.dataspace.v1.PresignDownloadResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.PresignDownloadRequest,
      tw.jipan.dataspace.v1.PresignDownloadResponse> getPresignDownloadMethod() {
    io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.PresignDownloadRequest, tw.jipan.dataspace.v1.PresignDownloadResponse> getPresignDownloadMethod;
    if ((getPresignDownloadMethod = TransferServiceGrpc.getPresignDownloadMethod) == null) {
      synchronized (TransferServiceGrpc.class) {
        if ((getPresignDownloadMethod = TransferServiceGrpc.getPresignDownloadMethod) == null) {
          TransferServiceGrpc.getPresignDownloadMethod = getPresignDownloadMethod =
              io.grpc.MethodDescriptor.<tw.jipan.dataspace.v1.PresignDownloadRequest, tw.jipan.dataspace.v1.PresignDownloadResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "PresignDownload"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.PresignDownloadRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.PresignDownloadResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TransferServiceMethodDescriptorSupplier("PresignDownload"))
              .build();
        }
      }
    }
    return getPresignDownloadMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static TransferServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<TransferServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<TransferServiceStub>() {
        @java.lang.Override
        public TransferServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new TransferServiceStub(channel, callOptions);
        }
      };
    return TransferServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static TransferServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<TransferServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<TransferServiceBlockingStub>() {
        @java.lang.Override
        public TransferServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new TransferServiceBlockingStub(channel, callOptions);
        }
      };
    return TransferServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static TransferServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<TransferServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<TransferServiceFutureStub>() {
        @java.lang.Override
        public TransferServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new TransferServiceFutureStub(channel, callOptions);
        }
      };
    return TransferServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Transfer processes (Dataspace Protocol 2025-1): a consumer pulls one
   * distribution of a dataset under an agreement in force (or has the
   * provider push it into a bucket of its own through the cloud broker), through the
   * protocol's states REQUESTED → STARTED ⇄ SUSPENDED → COMPLETED, or
   * TERMINATED by either side. Each request and each download is checked
   * against the agreement's usage policy at that moment (action `read`), and
   * every step is recorded in the negotiation's usage log. The service acts
   * as the provider's connector: a transfer of uploaded data starts at once.
   * Personal data (Dataset.personal_data) are released per person, only
   * under that person's identity consent, checked at the request and at
   * every resume and download.
   * </pre>
   */
  public static abstract class TransferServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * TransferRequestMessage (consumer) then TransferStartMessage (the
     * provider's connector): checks the agreement's policy for `read` with
     * the purpose given, counts the use, and starts the transfer with a
     * download token. Under an agreement negotiated through federation
     * (Negotiation.peer on the consumer's mesh), the consumer's mesh sends
     * the request to the provider's mesh, which answers with its transfer
     * and token; download it with DownloadTransfer naming the `peer`.
     * </pre>
     */
    public void requestTransfer(tw.jipan.dataspace.v1.RequestTransferRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.RequestTransferResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRequestTransferMethod(), responseObserver);
    }

    /**
     * <pre>
     * TransferSuspensionMessage (either side): STARTED → SUSPENDED; the
     * token stops working.
     * </pre>
     */
    public void suspendTransfer(tw.jipan.dataspace.v1.SuspendTransferRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.SuspendTransferResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getSuspendTransferMethod(), responseObserver);
    }

    /**
     * <pre>
     * TransferStartMessage again (either side; the policy is checked again):
     * SUSPENDED → STARTED with a new token.
     * </pre>
     */
    public void resumeTransfer(tw.jipan.dataspace.v1.ResumeTransferRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.ResumeTransferResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getResumeTransferMethod(), responseObserver);
    }

    /**
     * <pre>
     * TransferCompletionMessage (consumer): STARTED → COMPLETED.
     * </pre>
     */
    public void completeTransfer(tw.jipan.dataspace.v1.CompleteTransferRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.CompleteTransferResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCompleteTransferMethod(), responseObserver);
    }

    /**
     * <pre>
     * TransferTerminationMessage (either side): any state before COMPLETED
     * → TERMINATED.
     * </pre>
     */
    public void terminateTransfer(tw.jipan.dataspace.v1.TerminateTransferRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.TerminateTransferResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getTerminateTransferMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns a transfer the caller's organisation takes part in (without
     * its token).
     * </pre>
     */
    public void getTransfer(tw.jipan.dataspace.v1.GetTransferRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.GetTransferResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetTransferMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the transfers the caller's organisation takes part in, newest
     * first.
     * </pre>
     */
    public void listTransfers(tw.jipan.dataspace.v1.ListTransfersRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.ListTransfersResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListTransfersMethod(), responseObserver);
    }

    /**
     * <pre>
     * Streams a STARTED transfer's data to its consumer, in chunks of at
     * most 1 MiB, after checking the token and the agreement's policy.
     * </pre>
     */
    public void downloadTransfer(tw.jipan.dataspace.v1.DownloadTransferRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.DownloadTransferResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDownloadTransferMethod(), responseObserver);
    }

    /**
     * <pre>
     * A presigned HTTPS GET URL of the object store for one download of a
     * STARTED transfer, after the same checks as DownloadTransfer (the token,
     * the state and the agreement's policy at this moment, logged). It lives
     * JIPAN_DATASPACE_PRESIGN_TTL_S (default 60 s): the store checks only its
     * signature, so a download must start within that time, and the next one
     * asks again. Not for personal data (FAILED_PRECONDITION
     * PRESIGN_UNAVAILABLE, as for a store without presigned URLs).
     * </pre>
     */
    public void presignDownload(tw.jipan.dataspace.v1.PresignDownloadRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.PresignDownloadResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getPresignDownloadMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getRequestTransferMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.dataspace.v1.RequestTransferRequest,
                tw.jipan.dataspace.v1.RequestTransferResponse>(
                  this, METHODID_REQUEST_TRANSFER)))
          .addMethod(
            getSuspendTransferMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.dataspace.v1.SuspendTransferRequest,
                tw.jipan.dataspace.v1.SuspendTransferResponse>(
                  this, METHODID_SUSPEND_TRANSFER)))
          .addMethod(
            getResumeTransferMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.dataspace.v1.ResumeTransferRequest,
                tw.jipan.dataspace.v1.ResumeTransferResponse>(
                  this, METHODID_RESUME_TRANSFER)))
          .addMethod(
            getCompleteTransferMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.dataspace.v1.CompleteTransferRequest,
                tw.jipan.dataspace.v1.CompleteTransferResponse>(
                  this, METHODID_COMPLETE_TRANSFER)))
          .addMethod(
            getTerminateTransferMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.dataspace.v1.TerminateTransferRequest,
                tw.jipan.dataspace.v1.TerminateTransferResponse>(
                  this, METHODID_TERMINATE_TRANSFER)))
          .addMethod(
            getGetTransferMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.dataspace.v1.GetTransferRequest,
                tw.jipan.dataspace.v1.GetTransferResponse>(
                  this, METHODID_GET_TRANSFER)))
          .addMethod(
            getListTransfersMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.dataspace.v1.ListTransfersRequest,
                tw.jipan.dataspace.v1.ListTransfersResponse>(
                  this, METHODID_LIST_TRANSFERS)))
          .addMethod(
            getDownloadTransferMethod(),
            io.grpc.stub.ServerCalls.asyncServerStreamingCall(
              new MethodHandlers<
                tw.jipan.dataspace.v1.DownloadTransferRequest,
                tw.jipan.dataspace.v1.DownloadTransferResponse>(
                  this, METHODID_DOWNLOAD_TRANSFER)))
          .addMethod(
            getPresignDownloadMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.dataspace.v1.PresignDownloadRequest,
                tw.jipan.dataspace.v1.PresignDownloadResponse>(
                  this, METHODID_PRESIGN_DOWNLOAD)))
          .build();
    }
  }

  /**
   * <pre>
   * Transfer processes (Dataspace Protocol 2025-1): a consumer pulls one
   * distribution of a dataset under an agreement in force (or has the
   * provider push it into a bucket of its own through the cloud broker), through the
   * protocol's states REQUESTED → STARTED ⇄ SUSPENDED → COMPLETED, or
   * TERMINATED by either side. Each request and each download is checked
   * against the agreement's usage policy at that moment (action `read`), and
   * every step is recorded in the negotiation's usage log. The service acts
   * as the provider's connector: a transfer of uploaded data starts at once.
   * Personal data (Dataset.personal_data) are released per person, only
   * under that person's identity consent, checked at the request and at
   * every resume and download.
   * </pre>
   */
  public static final class TransferServiceStub extends io.grpc.stub.AbstractAsyncStub<TransferServiceStub> {
    private TransferServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected TransferServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new TransferServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * TransferRequestMessage (consumer) then TransferStartMessage (the
     * provider's connector): checks the agreement's policy for `read` with
     * the purpose given, counts the use, and starts the transfer with a
     * download token. Under an agreement negotiated through federation
     * (Negotiation.peer on the consumer's mesh), the consumer's mesh sends
     * the request to the provider's mesh, which answers with its transfer
     * and token; download it with DownloadTransfer naming the `peer`.
     * </pre>
     */
    public void requestTransfer(tw.jipan.dataspace.v1.RequestTransferRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.RequestTransferResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRequestTransferMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * TransferSuspensionMessage (either side): STARTED → SUSPENDED; the
     * token stops working.
     * </pre>
     */
    public void suspendTransfer(tw.jipan.dataspace.v1.SuspendTransferRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.SuspendTransferResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getSuspendTransferMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * TransferStartMessage again (either side; the policy is checked again):
     * SUSPENDED → STARTED with a new token.
     * </pre>
     */
    public void resumeTransfer(tw.jipan.dataspace.v1.ResumeTransferRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.ResumeTransferResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getResumeTransferMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * TransferCompletionMessage (consumer): STARTED → COMPLETED.
     * </pre>
     */
    public void completeTransfer(tw.jipan.dataspace.v1.CompleteTransferRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.CompleteTransferResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCompleteTransferMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * TransferTerminationMessage (either side): any state before COMPLETED
     * → TERMINATED.
     * </pre>
     */
    public void terminateTransfer(tw.jipan.dataspace.v1.TerminateTransferRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.TerminateTransferResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getTerminateTransferMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns a transfer the caller's organisation takes part in (without
     * its token).
     * </pre>
     */
    public void getTransfer(tw.jipan.dataspace.v1.GetTransferRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.GetTransferResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetTransferMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the transfers the caller's organisation takes part in, newest
     * first.
     * </pre>
     */
    public void listTransfers(tw.jipan.dataspace.v1.ListTransfersRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.ListTransfersResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListTransfersMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Streams a STARTED transfer's data to its consumer, in chunks of at
     * most 1 MiB, after checking the token and the agreement's policy.
     * </pre>
     */
    public void downloadTransfer(tw.jipan.dataspace.v1.DownloadTransferRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.DownloadTransferResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getDownloadTransferMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * A presigned HTTPS GET URL of the object store for one download of a
     * STARTED transfer, after the same checks as DownloadTransfer (the token,
     * the state and the agreement's policy at this moment, logged). It lives
     * JIPAN_DATASPACE_PRESIGN_TTL_S (default 60 s): the store checks only its
     * signature, so a download must start within that time, and the next one
     * asks again. Not for personal data (FAILED_PRECONDITION
     * PRESIGN_UNAVAILABLE, as for a store without presigned URLs).
     * </pre>
     */
    public void presignDownload(tw.jipan.dataspace.v1.PresignDownloadRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.PresignDownloadResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getPresignDownloadMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * Transfer processes (Dataspace Protocol 2025-1): a consumer pulls one
   * distribution of a dataset under an agreement in force (or has the
   * provider push it into a bucket of its own through the cloud broker), through the
   * protocol's states REQUESTED → STARTED ⇄ SUSPENDED → COMPLETED, or
   * TERMINATED by either side. Each request and each download is checked
   * against the agreement's usage policy at that moment (action `read`), and
   * every step is recorded in the negotiation's usage log. The service acts
   * as the provider's connector: a transfer of uploaded data starts at once.
   * Personal data (Dataset.personal_data) are released per person, only
   * under that person's identity consent, checked at the request and at
   * every resume and download.
   * </pre>
   */
  public static final class TransferServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<TransferServiceBlockingStub> {
    private TransferServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected TransferServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new TransferServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * TransferRequestMessage (consumer) then TransferStartMessage (the
     * provider's connector): checks the agreement's policy for `read` with
     * the purpose given, counts the use, and starts the transfer with a
     * download token. Under an agreement negotiated through federation
     * (Negotiation.peer on the consumer's mesh), the consumer's mesh sends
     * the request to the provider's mesh, which answers with its transfer
     * and token; download it with DownloadTransfer naming the `peer`.
     * </pre>
     */
    public tw.jipan.dataspace.v1.RequestTransferResponse requestTransfer(tw.jipan.dataspace.v1.RequestTransferRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRequestTransferMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * TransferSuspensionMessage (either side): STARTED → SUSPENDED; the
     * token stops working.
     * </pre>
     */
    public tw.jipan.dataspace.v1.SuspendTransferResponse suspendTransfer(tw.jipan.dataspace.v1.SuspendTransferRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getSuspendTransferMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * TransferStartMessage again (either side; the policy is checked again):
     * SUSPENDED → STARTED with a new token.
     * </pre>
     */
    public tw.jipan.dataspace.v1.ResumeTransferResponse resumeTransfer(tw.jipan.dataspace.v1.ResumeTransferRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getResumeTransferMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * TransferCompletionMessage (consumer): STARTED → COMPLETED.
     * </pre>
     */
    public tw.jipan.dataspace.v1.CompleteTransferResponse completeTransfer(tw.jipan.dataspace.v1.CompleteTransferRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCompleteTransferMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * TransferTerminationMessage (either side): any state before COMPLETED
     * → TERMINATED.
     * </pre>
     */
    public tw.jipan.dataspace.v1.TerminateTransferResponse terminateTransfer(tw.jipan.dataspace.v1.TerminateTransferRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getTerminateTransferMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns a transfer the caller's organisation takes part in (without
     * its token).
     * </pre>
     */
    public tw.jipan.dataspace.v1.GetTransferResponse getTransfer(tw.jipan.dataspace.v1.GetTransferRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetTransferMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the transfers the caller's organisation takes part in, newest
     * first.
     * </pre>
     */
    public tw.jipan.dataspace.v1.ListTransfersResponse listTransfers(tw.jipan.dataspace.v1.ListTransfersRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListTransfersMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Streams a STARTED transfer's data to its consumer, in chunks of at
     * most 1 MiB, after checking the token and the agreement's policy.
     * </pre>
     */
    public java.util.Iterator<tw.jipan.dataspace.v1.DownloadTransferResponse> downloadTransfer(
        tw.jipan.dataspace.v1.DownloadTransferRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getDownloadTransferMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * A presigned HTTPS GET URL of the object store for one download of a
     * STARTED transfer, after the same checks as DownloadTransfer (the token,
     * the state and the agreement's policy at this moment, logged). It lives
     * JIPAN_DATASPACE_PRESIGN_TTL_S (default 60 s): the store checks only its
     * signature, so a download must start within that time, and the next one
     * asks again. Not for personal data (FAILED_PRECONDITION
     * PRESIGN_UNAVAILABLE, as for a store without presigned URLs).
     * </pre>
     */
    public tw.jipan.dataspace.v1.PresignDownloadResponse presignDownload(tw.jipan.dataspace.v1.PresignDownloadRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getPresignDownloadMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * Transfer processes (Dataspace Protocol 2025-1): a consumer pulls one
   * distribution of a dataset under an agreement in force (or has the
   * provider push it into a bucket of its own through the cloud broker), through the
   * protocol's states REQUESTED → STARTED ⇄ SUSPENDED → COMPLETED, or
   * TERMINATED by either side. Each request and each download is checked
   * against the agreement's usage policy at that moment (action `read`), and
   * every step is recorded in the negotiation's usage log. The service acts
   * as the provider's connector: a transfer of uploaded data starts at once.
   * Personal data (Dataset.personal_data) are released per person, only
   * under that person's identity consent, checked at the request and at
   * every resume and download.
   * </pre>
   */
  public static final class TransferServiceFutureStub extends io.grpc.stub.AbstractFutureStub<TransferServiceFutureStub> {
    private TransferServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected TransferServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new TransferServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * TransferRequestMessage (consumer) then TransferStartMessage (the
     * provider's connector): checks the agreement's policy for `read` with
     * the purpose given, counts the use, and starts the transfer with a
     * download token. Under an agreement negotiated through federation
     * (Negotiation.peer on the consumer's mesh), the consumer's mesh sends
     * the request to the provider's mesh, which answers with its transfer
     * and token; download it with DownloadTransfer naming the `peer`.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.dataspace.v1.RequestTransferResponse> requestTransfer(
        tw.jipan.dataspace.v1.RequestTransferRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRequestTransferMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * TransferSuspensionMessage (either side): STARTED → SUSPENDED; the
     * token stops working.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.dataspace.v1.SuspendTransferResponse> suspendTransfer(
        tw.jipan.dataspace.v1.SuspendTransferRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getSuspendTransferMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * TransferStartMessage again (either side; the policy is checked again):
     * SUSPENDED → STARTED with a new token.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.dataspace.v1.ResumeTransferResponse> resumeTransfer(
        tw.jipan.dataspace.v1.ResumeTransferRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getResumeTransferMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * TransferCompletionMessage (consumer): STARTED → COMPLETED.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.dataspace.v1.CompleteTransferResponse> completeTransfer(
        tw.jipan.dataspace.v1.CompleteTransferRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCompleteTransferMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * TransferTerminationMessage (either side): any state before COMPLETED
     * → TERMINATED.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.dataspace.v1.TerminateTransferResponse> terminateTransfer(
        tw.jipan.dataspace.v1.TerminateTransferRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getTerminateTransferMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns a transfer the caller's organisation takes part in (without
     * its token).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.dataspace.v1.GetTransferResponse> getTransfer(
        tw.jipan.dataspace.v1.GetTransferRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetTransferMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the transfers the caller's organisation takes part in, newest
     * first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.dataspace.v1.ListTransfersResponse> listTransfers(
        tw.jipan.dataspace.v1.ListTransfersRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListTransfersMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * A presigned HTTPS GET URL of the object store for one download of a
     * STARTED transfer, after the same checks as DownloadTransfer (the token,
     * the state and the agreement's policy at this moment, logged). It lives
     * JIPAN_DATASPACE_PRESIGN_TTL_S (default 60 s): the store checks only its
     * signature, so a download must start within that time, and the next one
     * asks again. Not for personal data (FAILED_PRECONDITION
     * PRESIGN_UNAVAILABLE, as for a store without presigned URLs).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.dataspace.v1.PresignDownloadResponse> presignDownload(
        tw.jipan.dataspace.v1.PresignDownloadRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getPresignDownloadMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_REQUEST_TRANSFER = 0;
  private static final int METHODID_SUSPEND_TRANSFER = 1;
  private static final int METHODID_RESUME_TRANSFER = 2;
  private static final int METHODID_COMPLETE_TRANSFER = 3;
  private static final int METHODID_TERMINATE_TRANSFER = 4;
  private static final int METHODID_GET_TRANSFER = 5;
  private static final int METHODID_LIST_TRANSFERS = 6;
  private static final int METHODID_DOWNLOAD_TRANSFER = 7;
  private static final int METHODID_PRESIGN_DOWNLOAD = 8;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final TransferServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(TransferServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_REQUEST_TRANSFER:
          serviceImpl.requestTransfer((tw.jipan.dataspace.v1.RequestTransferRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.RequestTransferResponse>) responseObserver);
          break;
        case METHODID_SUSPEND_TRANSFER:
          serviceImpl.suspendTransfer((tw.jipan.dataspace.v1.SuspendTransferRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.SuspendTransferResponse>) responseObserver);
          break;
        case METHODID_RESUME_TRANSFER:
          serviceImpl.resumeTransfer((tw.jipan.dataspace.v1.ResumeTransferRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.ResumeTransferResponse>) responseObserver);
          break;
        case METHODID_COMPLETE_TRANSFER:
          serviceImpl.completeTransfer((tw.jipan.dataspace.v1.CompleteTransferRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.CompleteTransferResponse>) responseObserver);
          break;
        case METHODID_TERMINATE_TRANSFER:
          serviceImpl.terminateTransfer((tw.jipan.dataspace.v1.TerminateTransferRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.TerminateTransferResponse>) responseObserver);
          break;
        case METHODID_GET_TRANSFER:
          serviceImpl.getTransfer((tw.jipan.dataspace.v1.GetTransferRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.GetTransferResponse>) responseObserver);
          break;
        case METHODID_LIST_TRANSFERS:
          serviceImpl.listTransfers((tw.jipan.dataspace.v1.ListTransfersRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.ListTransfersResponse>) responseObserver);
          break;
        case METHODID_DOWNLOAD_TRANSFER:
          serviceImpl.downloadTransfer((tw.jipan.dataspace.v1.DownloadTransferRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.DownloadTransferResponse>) responseObserver);
          break;
        case METHODID_PRESIGN_DOWNLOAD:
          serviceImpl.presignDownload((tw.jipan.dataspace.v1.PresignDownloadRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.PresignDownloadResponse>) responseObserver);
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

  private static abstract class TransferServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    TransferServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.dataspace.v1.TransferServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("TransferService");
    }
  }

  private static final class TransferServiceFileDescriptorSupplier
      extends TransferServiceBaseDescriptorSupplier {
    TransferServiceFileDescriptorSupplier() {}
  }

  private static final class TransferServiceMethodDescriptorSupplier
      extends TransferServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    TransferServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (TransferServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new TransferServiceFileDescriptorSupplier())
              .addMethod(getRequestTransferMethod())
              .addMethod(getSuspendTransferMethod())
              .addMethod(getResumeTransferMethod())
              .addMethod(getCompleteTransferMethod())
              .addMethod(getTerminateTransferMethod())
              .addMethod(getGetTransferMethod())
              .addMethod(getListTransfersMethod())
              .addMethod(getDownloadTransferMethod())
              .addMethod(getPresignDownloadMethod())
              .build();
        }
      }
    }
    return result;
  }
}
