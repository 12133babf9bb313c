package tw.jipan.ledger.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * The consortium trust ledger (TBSI): anchor SHA-256 digests of data on an
 * EVM chain in Merkle-batched transactions and verify them later with proofs.
 * Data stays where it is; only digests travel.
 * Who reads which receipts: by digest (VerifyDigest) or by name (GetReceipt),
 * any authenticated caller: knowing the digest, or the receipt's random name
 * that its submitter hands out with what it anchored, is the capability. By
 * enumeration (ListAnchors, WatchAnchors), a caller sees only the receipts
 * submitted by itself or by its organisation (the token's `org` claim when
 * submitting); members holding the `ledger-auditor` role in the consortium's
 * founding organisation see every receipt.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/ledger/v1/ledger_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class LedgerServiceGrpc {

  private LedgerServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.ledger.v1.LedgerService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.ledger.v1.AnchorDigestsRequest,
      tw.jipan.ledger.v1.AnchorDigestsResponse> getAnchorDigestsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "AnchorDigests",
      requestType = tw.jipan.ledger.v1.AnchorDigestsRequest.class,
      responseType = tw.jipan.ledger.v1.AnchorDigestsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.ledger.v1.AnchorDigestsRequest,
      tw.jipan.ledger.v1.AnchorDigestsResponse> getAnchorDigestsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.ledger.v1.AnchorDigestsRequest, tw.jipan.ledger.v1.AnchorDigestsResponse> getAnchorDigestsMethod;
    if ((getAnchorDigestsMethod = LedgerServiceGrpc.getAnchorDigestsMethod) == null) {
      synchronized (LedgerServiceGrpc.class) {
        if ((getAnchorDigestsMethod = LedgerServiceGrpc.getAnchorDigestsMethod) == null) {
          LedgerServiceGrpc.getAnchorDigestsMethod = getAnchorDigestsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.ledger.v1.AnchorDigestsRequest, tw.jipan.ledger.v1.AnchorDigestsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "AnchorDigests"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.ledger.v1.AnchorDigestsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.ledger.v1.AnchorDigestsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new LedgerServiceMethodDescriptorSupplier("AnchorDigests"))
              .build();
        }
      }
    }
    return getAnchorDigestsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.ledger.v1.GetReceiptRequest,
      tw.jipan.ledger.v1.GetReceiptResponse> getGetReceiptMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetReceipt",
      requestType = tw.jipan.ledger.v1.GetReceiptRequest.class,
      responseType = tw.jipan.ledger.v1.GetReceiptResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.ledger.v1.GetReceiptRequest,
      tw.jipan.ledger.v1.GetReceiptResponse> getGetReceiptMethod() {
    io.grpc.MethodDescriptor<tw.jipan.ledger.v1.GetReceiptRequest, tw.jipan.ledger.v1.GetReceiptResponse> getGetReceiptMethod;
    if ((getGetReceiptMethod = LedgerServiceGrpc.getGetReceiptMethod) == null) {
      synchronized (LedgerServiceGrpc.class) {
        if ((getGetReceiptMethod = LedgerServiceGrpc.getGetReceiptMethod) == null) {
          LedgerServiceGrpc.getGetReceiptMethod = getGetReceiptMethod =
              io.grpc.MethodDescriptor.<tw.jipan.ledger.v1.GetReceiptRequest, tw.jipan.ledger.v1.GetReceiptResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetReceipt"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.ledger.v1.GetReceiptRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.ledger.v1.GetReceiptResponse.getDefaultInstance()))
              .setSchemaDescriptor(new LedgerServiceMethodDescriptorSupplier("GetReceipt"))
              .build();
        }
      }
    }
    return getGetReceiptMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.ledger.v1.VerifyDigestRequest,
      tw.jipan.ledger.v1.VerifyDigestResponse> getVerifyDigestMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "VerifyDigest",
      requestType = tw.jipan.ledger.v1.VerifyDigestRequest.class,
      responseType = tw.jipan.ledger.v1.VerifyDigestResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.ledger.v1.VerifyDigestRequest,
      tw.jipan.ledger.v1.VerifyDigestResponse> getVerifyDigestMethod() {
    io.grpc.MethodDescriptor<tw.jipan.ledger.v1.VerifyDigestRequest, tw.jipan.ledger.v1.VerifyDigestResponse> getVerifyDigestMethod;
    if ((getVerifyDigestMethod = LedgerServiceGrpc.getVerifyDigestMethod) == null) {
      synchronized (LedgerServiceGrpc.class) {
        if ((getVerifyDigestMethod = LedgerServiceGrpc.getVerifyDigestMethod) == null) {
          LedgerServiceGrpc.getVerifyDigestMethod = getVerifyDigestMethod =
              io.grpc.MethodDescriptor.<tw.jipan.ledger.v1.VerifyDigestRequest, tw.jipan.ledger.v1.VerifyDigestResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "VerifyDigest"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.ledger.v1.VerifyDigestRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.ledger.v1.VerifyDigestResponse.getDefaultInstance()))
              .setSchemaDescriptor(new LedgerServiceMethodDescriptorSupplier("VerifyDigest"))
              .build();
        }
      }
    }
    return getVerifyDigestMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.ledger.v1.ListAnchorsRequest,
      tw.jipan.ledger.v1.ListAnchorsResponse> getListAnchorsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListAnchors",
      requestType = tw.jipan.ledger.v1.ListAnchorsRequest.class,
      responseType = tw.jipan.ledger.v1.ListAnchorsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.ledger.v1.ListAnchorsRequest,
      tw.jipan.ledger.v1.ListAnchorsResponse> getListAnchorsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.ledger.v1.ListAnchorsRequest, tw.jipan.ledger.v1.ListAnchorsResponse> getListAnchorsMethod;
    if ((getListAnchorsMethod = LedgerServiceGrpc.getListAnchorsMethod) == null) {
      synchronized (LedgerServiceGrpc.class) {
        if ((getListAnchorsMethod = LedgerServiceGrpc.getListAnchorsMethod) == null) {
          LedgerServiceGrpc.getListAnchorsMethod = getListAnchorsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.ledger.v1.ListAnchorsRequest, tw.jipan.ledger.v1.ListAnchorsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListAnchors"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.ledger.v1.ListAnchorsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.ledger.v1.ListAnchorsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new LedgerServiceMethodDescriptorSupplier("ListAnchors"))
              .build();
        }
      }
    }
    return getListAnchorsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.ledger.v1.WatchAnchorsRequest,
      tw.jipan.ledger.v1.WatchAnchorsResponse> getWatchAnchorsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "WatchAnchors",
      requestType = tw.jipan.ledger.v1.WatchAnchorsRequest.class,
      responseType = tw.jipan.ledger.v1.WatchAnchorsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<tw.jipan.ledger.v1.WatchAnchorsRequest,
      tw.jipan.ledger.v1.WatchAnchorsResponse> getWatchAnchorsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.ledger.v1.WatchAnchorsRequest, tw.jipan.ledger.v1.WatchAnchorsResponse> getWatchAnchorsMethod;
    if ((getWatchAnchorsMethod = LedgerServiceGrpc.getWatchAnchorsMethod) == null) {
      synchronized (LedgerServiceGrpc.class) {
        if ((getWatchAnchorsMethod = LedgerServiceGrpc.getWatchAnchorsMethod) == null) {
          LedgerServiceGrpc.getWatchAnchorsMethod = getWatchAnchorsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.ledger.v1.WatchAnchorsRequest, tw.jipan.ledger.v1.WatchAnchorsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "WatchAnchors"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.ledger.v1.WatchAnchorsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.ledger.v1.WatchAnchorsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new LedgerServiceMethodDescriptorSupplier("WatchAnchors"))
              .build();
        }
      }
    }
    return getWatchAnchorsMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static LedgerServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<LedgerServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<LedgerServiceStub>() {
        @java.lang.Override
        public LedgerServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new LedgerServiceStub(channel, callOptions);
        }
      };
    return LedgerServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static LedgerServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<LedgerServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<LedgerServiceBlockingStub>() {
        @java.lang.Override
        public LedgerServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new LedgerServiceBlockingStub(channel, callOptions);
        }
      };
    return LedgerServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static LedgerServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<LedgerServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<LedgerServiceFutureStub>() {
        @java.lang.Override
        public LedgerServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new LedgerServiceFutureStub(channel, callOptions);
        }
      };
    return LedgerServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * The consortium trust ledger (TBSI): anchor SHA-256 digests of data on an
   * EVM chain in Merkle-batched transactions and verify them later with proofs.
   * Data stays where it is; only digests travel.
   * Who reads which receipts: by digest (VerifyDigest) or by name (GetReceipt),
   * any authenticated caller: knowing the digest, or the receipt's random name
   * that its submitter hands out with what it anchored, is the capability. By
   * enumeration (ListAnchors, WatchAnchors), a caller sees only the receipts
   * submitted by itself or by its organisation (the token's `org` claim when
   * submitting); members holding the `ledger-auditor` role in the consortium's
   * founding organisation see every receipt.
   * </pre>
   */
  public static abstract class LedgerServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Accepts digests for anchoring. Each is stored durably before the call
     * returns and gets a PENDING receipt that becomes CONFIRMED once its batch
     * is on the chain. Submitting a digest the caller already submitted returns
     * the existing receipt; a replayed `request_id` returns the same receipts
     * (in their current state).
     * </pre>
     */
    public void anchorDigests(tw.jipan.ledger.v1.AnchorDigestsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.ledger.v1.AnchorDigestsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getAnchorDigestsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one receipt by name, to any authenticated caller (the random
     * name is the capability).
     * </pre>
     */
    public void getReceipt(tw.jipan.ledger.v1.GetReceiptRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.ledger.v1.GetReceiptResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetReceiptMethod(), responseObserver);
    }

    /**
     * <pre>
     * Says whether a digest is anchored: when, by whom, with the proof. Open to
     * any authenticated caller: knowing the digest is the capability.
     * </pre>
     */
    public void verifyDigest(tw.jipan.ledger.v1.VerifyDigestRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.ledger.v1.VerifyDigestResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getVerifyDigestMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists receipts, newest first, by submitter and time of acceptance: the
     * caller's own and its organisation's (every receipt for an auditor).
     * </pre>
     */
    public void listAnchors(tw.jipan.ledger.v1.ListAnchorsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.ledger.v1.ListAnchorsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListAnchorsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Streams receipts as they become CONFIRMED (for dashboards), from every
     * replica of the service: those ListAnchors would show the caller. The first message carries no receipts: it says
     * the watch is active. Confirmations before that are not replayed (use
     * ListAnchors); a caller too slow to keep up gets RESOURCE_EXHAUSTED.
     * </pre>
     */
    public void watchAnchors(tw.jipan.ledger.v1.WatchAnchorsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.ledger.v1.WatchAnchorsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getWatchAnchorsMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getAnchorDigestsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.ledger.v1.AnchorDigestsRequest,
                tw.jipan.ledger.v1.AnchorDigestsResponse>(
                  this, METHODID_ANCHOR_DIGESTS)))
          .addMethod(
            getGetReceiptMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.ledger.v1.GetReceiptRequest,
                tw.jipan.ledger.v1.GetReceiptResponse>(
                  this, METHODID_GET_RECEIPT)))
          .addMethod(
            getVerifyDigestMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.ledger.v1.VerifyDigestRequest,
                tw.jipan.ledger.v1.VerifyDigestResponse>(
                  this, METHODID_VERIFY_DIGEST)))
          .addMethod(
            getListAnchorsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.ledger.v1.ListAnchorsRequest,
                tw.jipan.ledger.v1.ListAnchorsResponse>(
                  this, METHODID_LIST_ANCHORS)))
          .addMethod(
            getWatchAnchorsMethod(),
            io.grpc.stub.ServerCalls.asyncServerStreamingCall(
              new MethodHandlers<
                tw.jipan.ledger.v1.WatchAnchorsRequest,
                tw.jipan.ledger.v1.WatchAnchorsResponse>(
                  this, METHODID_WATCH_ANCHORS)))
          .build();
    }
  }

  /**
   * <pre>
   * The consortium trust ledger (TBSI): anchor SHA-256 digests of data on an
   * EVM chain in Merkle-batched transactions and verify them later with proofs.
   * Data stays where it is; only digests travel.
   * Who reads which receipts: by digest (VerifyDigest) or by name (GetReceipt),
   * any authenticated caller: knowing the digest, or the receipt's random name
   * that its submitter hands out with what it anchored, is the capability. By
   * enumeration (ListAnchors, WatchAnchors), a caller sees only the receipts
   * submitted by itself or by its organisation (the token's `org` claim when
   * submitting); members holding the `ledger-auditor` role in the consortium's
   * founding organisation see every receipt.
   * </pre>
   */
  public static final class LedgerServiceStub extends io.grpc.stub.AbstractAsyncStub<LedgerServiceStub> {
    private LedgerServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected LedgerServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new LedgerServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Accepts digests for anchoring. Each is stored durably before the call
     * returns and gets a PENDING receipt that becomes CONFIRMED once its batch
     * is on the chain. Submitting a digest the caller already submitted returns
     * the existing receipt; a replayed `request_id` returns the same receipts
     * (in their current state).
     * </pre>
     */
    public void anchorDigests(tw.jipan.ledger.v1.AnchorDigestsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.ledger.v1.AnchorDigestsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getAnchorDigestsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one receipt by name, to any authenticated caller (the random
     * name is the capability).
     * </pre>
     */
    public void getReceipt(tw.jipan.ledger.v1.GetReceiptRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.ledger.v1.GetReceiptResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetReceiptMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Says whether a digest is anchored: when, by whom, with the proof. Open to
     * any authenticated caller: knowing the digest is the capability.
     * </pre>
     */
    public void verifyDigest(tw.jipan.ledger.v1.VerifyDigestRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.ledger.v1.VerifyDigestResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getVerifyDigestMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists receipts, newest first, by submitter and time of acceptance: the
     * caller's own and its organisation's (every receipt for an auditor).
     * </pre>
     */
    public void listAnchors(tw.jipan.ledger.v1.ListAnchorsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.ledger.v1.ListAnchorsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListAnchorsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Streams receipts as they become CONFIRMED (for dashboards), from every
     * replica of the service: those ListAnchors would show the caller. The first message carries no receipts: it says
     * the watch is active. Confirmations before that are not replayed (use
     * ListAnchors); a caller too slow to keep up gets RESOURCE_EXHAUSTED.
     * </pre>
     */
    public void watchAnchors(tw.jipan.ledger.v1.WatchAnchorsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.ledger.v1.WatchAnchorsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getWatchAnchorsMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * The consortium trust ledger (TBSI): anchor SHA-256 digests of data on an
   * EVM chain in Merkle-batched transactions and verify them later with proofs.
   * Data stays where it is; only digests travel.
   * Who reads which receipts: by digest (VerifyDigest) or by name (GetReceipt),
   * any authenticated caller: knowing the digest, or the receipt's random name
   * that its submitter hands out with what it anchored, is the capability. By
   * enumeration (ListAnchors, WatchAnchors), a caller sees only the receipts
   * submitted by itself or by its organisation (the token's `org` claim when
   * submitting); members holding the `ledger-auditor` role in the consortium's
   * founding organisation see every receipt.
   * </pre>
   */
  public static final class LedgerServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<LedgerServiceBlockingStub> {
    private LedgerServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected LedgerServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new LedgerServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Accepts digests for anchoring. Each is stored durably before the call
     * returns and gets a PENDING receipt that becomes CONFIRMED once its batch
     * is on the chain. Submitting a digest the caller already submitted returns
     * the existing receipt; a replayed `request_id` returns the same receipts
     * (in their current state).
     * </pre>
     */
    public tw.jipan.ledger.v1.AnchorDigestsResponse anchorDigests(tw.jipan.ledger.v1.AnchorDigestsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getAnchorDigestsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one receipt by name, to any authenticated caller (the random
     * name is the capability).
     * </pre>
     */
    public tw.jipan.ledger.v1.GetReceiptResponse getReceipt(tw.jipan.ledger.v1.GetReceiptRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetReceiptMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Says whether a digest is anchored: when, by whom, with the proof. Open to
     * any authenticated caller: knowing the digest is the capability.
     * </pre>
     */
    public tw.jipan.ledger.v1.VerifyDigestResponse verifyDigest(tw.jipan.ledger.v1.VerifyDigestRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getVerifyDigestMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists receipts, newest first, by submitter and time of acceptance: the
     * caller's own and its organisation's (every receipt for an auditor).
     * </pre>
     */
    public tw.jipan.ledger.v1.ListAnchorsResponse listAnchors(tw.jipan.ledger.v1.ListAnchorsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListAnchorsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Streams receipts as they become CONFIRMED (for dashboards), from every
     * replica of the service: those ListAnchors would show the caller. The first message carries no receipts: it says
     * the watch is active. Confirmations before that are not replayed (use
     * ListAnchors); a caller too slow to keep up gets RESOURCE_EXHAUSTED.
     * </pre>
     */
    public java.util.Iterator<tw.jipan.ledger.v1.WatchAnchorsResponse> watchAnchors(
        tw.jipan.ledger.v1.WatchAnchorsRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getWatchAnchorsMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * The consortium trust ledger (TBSI): anchor SHA-256 digests of data on an
   * EVM chain in Merkle-batched transactions and verify them later with proofs.
   * Data stays where it is; only digests travel.
   * Who reads which receipts: by digest (VerifyDigest) or by name (GetReceipt),
   * any authenticated caller: knowing the digest, or the receipt's random name
   * that its submitter hands out with what it anchored, is the capability. By
   * enumeration (ListAnchors, WatchAnchors), a caller sees only the receipts
   * submitted by itself or by its organisation (the token's `org` claim when
   * submitting); members holding the `ledger-auditor` role in the consortium's
   * founding organisation see every receipt.
   * </pre>
   */
  public static final class LedgerServiceFutureStub extends io.grpc.stub.AbstractFutureStub<LedgerServiceFutureStub> {
    private LedgerServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected LedgerServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new LedgerServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Accepts digests for anchoring. Each is stored durably before the call
     * returns and gets a PENDING receipt that becomes CONFIRMED once its batch
     * is on the chain. Submitting a digest the caller already submitted returns
     * the existing receipt; a replayed `request_id` returns the same receipts
     * (in their current state).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.ledger.v1.AnchorDigestsResponse> anchorDigests(
        tw.jipan.ledger.v1.AnchorDigestsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getAnchorDigestsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one receipt by name, to any authenticated caller (the random
     * name is the capability).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.ledger.v1.GetReceiptResponse> getReceipt(
        tw.jipan.ledger.v1.GetReceiptRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetReceiptMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Says whether a digest is anchored: when, by whom, with the proof. Open to
     * any authenticated caller: knowing the digest is the capability.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.ledger.v1.VerifyDigestResponse> verifyDigest(
        tw.jipan.ledger.v1.VerifyDigestRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getVerifyDigestMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists receipts, newest first, by submitter and time of acceptance: the
     * caller's own and its organisation's (every receipt for an auditor).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.ledger.v1.ListAnchorsResponse> listAnchors(
        tw.jipan.ledger.v1.ListAnchorsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListAnchorsMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_ANCHOR_DIGESTS = 0;
  private static final int METHODID_GET_RECEIPT = 1;
  private static final int METHODID_VERIFY_DIGEST = 2;
  private static final int METHODID_LIST_ANCHORS = 3;
  private static final int METHODID_WATCH_ANCHORS = 4;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final LedgerServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(LedgerServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_ANCHOR_DIGESTS:
          serviceImpl.anchorDigests((tw.jipan.ledger.v1.AnchorDigestsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.ledger.v1.AnchorDigestsResponse>) responseObserver);
          break;
        case METHODID_GET_RECEIPT:
          serviceImpl.getReceipt((tw.jipan.ledger.v1.GetReceiptRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.ledger.v1.GetReceiptResponse>) responseObserver);
          break;
        case METHODID_VERIFY_DIGEST:
          serviceImpl.verifyDigest((tw.jipan.ledger.v1.VerifyDigestRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.ledger.v1.VerifyDigestResponse>) responseObserver);
          break;
        case METHODID_LIST_ANCHORS:
          serviceImpl.listAnchors((tw.jipan.ledger.v1.ListAnchorsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.ledger.v1.ListAnchorsResponse>) responseObserver);
          break;
        case METHODID_WATCH_ANCHORS:
          serviceImpl.watchAnchors((tw.jipan.ledger.v1.WatchAnchorsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.ledger.v1.WatchAnchorsResponse>) responseObserver);
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

  private static abstract class LedgerServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    LedgerServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.ledger.v1.LedgerServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("LedgerService");
    }
  }

  private static final class LedgerServiceFileDescriptorSupplier
      extends LedgerServiceBaseDescriptorSupplier {
    LedgerServiceFileDescriptorSupplier() {}
  }

  private static final class LedgerServiceMethodDescriptorSupplier
      extends LedgerServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    LedgerServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (LedgerServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new LedgerServiceFileDescriptorSupplier())
              .addMethod(getAnchorDigestsMethod())
              .addMethod(getGetReceiptMethod())
              .addMethod(getVerifyDigestMethod())
              .addMethod(getListAnchorsMethod())
              .addMethod(getWatchAnchorsMethod())
              .build();
        }
      }
    }
    return result;
  }
}
