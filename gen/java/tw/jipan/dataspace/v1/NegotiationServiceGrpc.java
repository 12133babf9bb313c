package tw.jipan.dataspace.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Contract negotiation and usage control (Dataspace Protocol 2025-1): a
 * consumer organisation negotiates a contract for a catalogued dataset with
 * its publisher, through the protocol's states
 * REQUESTED → OFFERED → ACCEPTED → AGREED → VERIFIED → FINALIZED, or
 * TERMINATED from any state before FINALIZED. Each method is one protocol
 * message, allowed only in the states and from the side the protocol says
 * (FAILED_PRECONDITION NEGOTIATION_STATE otherwise); sending the message
 * that led to the current state again returns the negotiation unchanged, so
 * a retry is safe. Every message is recorded in the negotiation's usage
 * log, hash-chained and anchored on the ledger; so is the agreement.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/dataspace/v1/negotiation_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class NegotiationServiceGrpc {

  private NegotiationServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.dataspace.v1.NegotiationService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.RequestContractRequest,
      tw.jipan.dataspace.v1.RequestContractResponse> getRequestContractMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RequestContract",
      requestType = tw.jipan.dataspace.v1.RequestContractRequest.class,
      responseType = tw.jipan.dataspace.v1.RequestContractResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.RequestContractRequest,
      tw.jipan.dataspace.v1.RequestContractResponse> getRequestContractMethod() {
    io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.RequestContractRequest, tw.jipan.dataspace.v1.RequestContractResponse> getRequestContractMethod;
    if ((getRequestContractMethod = NegotiationServiceGrpc.getRequestContractMethod) == null) {
      synchronized (NegotiationServiceGrpc.class) {
        if ((getRequestContractMethod = NegotiationServiceGrpc.getRequestContractMethod) == null) {
          NegotiationServiceGrpc.getRequestContractMethod = getRequestContractMethod =
              io.grpc.MethodDescriptor.<tw.jipan.dataspace.v1.RequestContractRequest, tw.jipan.dataspace.v1.RequestContractResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RequestContract"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.RequestContractRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.RequestContractResponse.getDefaultInstance()))
              .setSchemaDescriptor(new NegotiationServiceMethodDescriptorSupplier("RequestContract"))
              .build();
        }
      }
    }
    return getRequestContractMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.OfferContractRequest,
      tw.jipan.dataspace.v1.OfferContractResponse> getOfferContractMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "OfferContract",
      requestType = tw.jipan.dataspace.v1.OfferContractRequest.class,
      responseType = tw.jipan.dataspace.v1.OfferContractResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.OfferContractRequest,
      tw.jipan.dataspace.v1.OfferContractResponse> getOfferContractMethod() {
    io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.OfferContractRequest, tw.jipan.dataspace.v1.OfferContractResponse> getOfferContractMethod;
    if ((getOfferContractMethod = NegotiationServiceGrpc.getOfferContractMethod) == null) {
      synchronized (NegotiationServiceGrpc.class) {
        if ((getOfferContractMethod = NegotiationServiceGrpc.getOfferContractMethod) == null) {
          NegotiationServiceGrpc.getOfferContractMethod = getOfferContractMethod =
              io.grpc.MethodDescriptor.<tw.jipan.dataspace.v1.OfferContractRequest, tw.jipan.dataspace.v1.OfferContractResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "OfferContract"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.OfferContractRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.OfferContractResponse.getDefaultInstance()))
              .setSchemaDescriptor(new NegotiationServiceMethodDescriptorSupplier("OfferContract"))
              .build();
        }
      }
    }
    return getOfferContractMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.CounterRequestRequest,
      tw.jipan.dataspace.v1.CounterRequestResponse> getCounterRequestMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CounterRequest",
      requestType = tw.jipan.dataspace.v1.CounterRequestRequest.class,
      responseType = tw.jipan.dataspace.v1.CounterRequestResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.CounterRequestRequest,
      tw.jipan.dataspace.v1.CounterRequestResponse> getCounterRequestMethod() {
    io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.CounterRequestRequest, tw.jipan.dataspace.v1.CounterRequestResponse> getCounterRequestMethod;
    if ((getCounterRequestMethod = NegotiationServiceGrpc.getCounterRequestMethod) == null) {
      synchronized (NegotiationServiceGrpc.class) {
        if ((getCounterRequestMethod = NegotiationServiceGrpc.getCounterRequestMethod) == null) {
          NegotiationServiceGrpc.getCounterRequestMethod = getCounterRequestMethod =
              io.grpc.MethodDescriptor.<tw.jipan.dataspace.v1.CounterRequestRequest, tw.jipan.dataspace.v1.CounterRequestResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CounterRequest"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.CounterRequestRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.CounterRequestResponse.getDefaultInstance()))
              .setSchemaDescriptor(new NegotiationServiceMethodDescriptorSupplier("CounterRequest"))
              .build();
        }
      }
    }
    return getCounterRequestMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.AcceptOfferRequest,
      tw.jipan.dataspace.v1.AcceptOfferResponse> getAcceptOfferMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "AcceptOffer",
      requestType = tw.jipan.dataspace.v1.AcceptOfferRequest.class,
      responseType = tw.jipan.dataspace.v1.AcceptOfferResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.AcceptOfferRequest,
      tw.jipan.dataspace.v1.AcceptOfferResponse> getAcceptOfferMethod() {
    io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.AcceptOfferRequest, tw.jipan.dataspace.v1.AcceptOfferResponse> getAcceptOfferMethod;
    if ((getAcceptOfferMethod = NegotiationServiceGrpc.getAcceptOfferMethod) == null) {
      synchronized (NegotiationServiceGrpc.class) {
        if ((getAcceptOfferMethod = NegotiationServiceGrpc.getAcceptOfferMethod) == null) {
          NegotiationServiceGrpc.getAcceptOfferMethod = getAcceptOfferMethod =
              io.grpc.MethodDescriptor.<tw.jipan.dataspace.v1.AcceptOfferRequest, tw.jipan.dataspace.v1.AcceptOfferResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "AcceptOffer"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.AcceptOfferRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.AcceptOfferResponse.getDefaultInstance()))
              .setSchemaDescriptor(new NegotiationServiceMethodDescriptorSupplier("AcceptOffer"))
              .build();
        }
      }
    }
    return getAcceptOfferMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.AgreeContractRequest,
      tw.jipan.dataspace.v1.AgreeContractResponse> getAgreeContractMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "AgreeContract",
      requestType = tw.jipan.dataspace.v1.AgreeContractRequest.class,
      responseType = tw.jipan.dataspace.v1.AgreeContractResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.AgreeContractRequest,
      tw.jipan.dataspace.v1.AgreeContractResponse> getAgreeContractMethod() {
    io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.AgreeContractRequest, tw.jipan.dataspace.v1.AgreeContractResponse> getAgreeContractMethod;
    if ((getAgreeContractMethod = NegotiationServiceGrpc.getAgreeContractMethod) == null) {
      synchronized (NegotiationServiceGrpc.class) {
        if ((getAgreeContractMethod = NegotiationServiceGrpc.getAgreeContractMethod) == null) {
          NegotiationServiceGrpc.getAgreeContractMethod = getAgreeContractMethod =
              io.grpc.MethodDescriptor.<tw.jipan.dataspace.v1.AgreeContractRequest, tw.jipan.dataspace.v1.AgreeContractResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "AgreeContract"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.AgreeContractRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.AgreeContractResponse.getDefaultInstance()))
              .setSchemaDescriptor(new NegotiationServiceMethodDescriptorSupplier("AgreeContract"))
              .build();
        }
      }
    }
    return getAgreeContractMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.VerifyAgreementRequest,
      tw.jipan.dataspace.v1.VerifyAgreementResponse> getVerifyAgreementMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "VerifyAgreement",
      requestType = tw.jipan.dataspace.v1.VerifyAgreementRequest.class,
      responseType = tw.jipan.dataspace.v1.VerifyAgreementResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.VerifyAgreementRequest,
      tw.jipan.dataspace.v1.VerifyAgreementResponse> getVerifyAgreementMethod() {
    io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.VerifyAgreementRequest, tw.jipan.dataspace.v1.VerifyAgreementResponse> getVerifyAgreementMethod;
    if ((getVerifyAgreementMethod = NegotiationServiceGrpc.getVerifyAgreementMethod) == null) {
      synchronized (NegotiationServiceGrpc.class) {
        if ((getVerifyAgreementMethod = NegotiationServiceGrpc.getVerifyAgreementMethod) == null) {
          NegotiationServiceGrpc.getVerifyAgreementMethod = getVerifyAgreementMethod =
              io.grpc.MethodDescriptor.<tw.jipan.dataspace.v1.VerifyAgreementRequest, tw.jipan.dataspace.v1.VerifyAgreementResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "VerifyAgreement"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.VerifyAgreementRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.VerifyAgreementResponse.getDefaultInstance()))
              .setSchemaDescriptor(new NegotiationServiceMethodDescriptorSupplier("VerifyAgreement"))
              .build();
        }
      }
    }
    return getVerifyAgreementMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.FinalizeContractRequest,
      tw.jipan.dataspace.v1.FinalizeContractResponse> getFinalizeContractMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "FinalizeContract",
      requestType = tw.jipan.dataspace.v1.FinalizeContractRequest.class,
      responseType = tw.jipan.dataspace.v1.FinalizeContractResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.FinalizeContractRequest,
      tw.jipan.dataspace.v1.FinalizeContractResponse> getFinalizeContractMethod() {
    io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.FinalizeContractRequest, tw.jipan.dataspace.v1.FinalizeContractResponse> getFinalizeContractMethod;
    if ((getFinalizeContractMethod = NegotiationServiceGrpc.getFinalizeContractMethod) == null) {
      synchronized (NegotiationServiceGrpc.class) {
        if ((getFinalizeContractMethod = NegotiationServiceGrpc.getFinalizeContractMethod) == null) {
          NegotiationServiceGrpc.getFinalizeContractMethod = getFinalizeContractMethod =
              io.grpc.MethodDescriptor.<tw.jipan.dataspace.v1.FinalizeContractRequest, tw.jipan.dataspace.v1.FinalizeContractResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "FinalizeContract"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.FinalizeContractRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.FinalizeContractResponse.getDefaultInstance()))
              .setSchemaDescriptor(new NegotiationServiceMethodDescriptorSupplier("FinalizeContract"))
              .build();
        }
      }
    }
    return getFinalizeContractMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.TerminateNegotiationRequest,
      tw.jipan.dataspace.v1.TerminateNegotiationResponse> getTerminateNegotiationMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "TerminateNegotiation",
      requestType = tw.jipan.dataspace.v1.TerminateNegotiationRequest.class,
      responseType = tw.jipan.dataspace.v1.TerminateNegotiationResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.TerminateNegotiationRequest,
      tw.jipan.dataspace.v1.TerminateNegotiationResponse> getTerminateNegotiationMethod() {
    io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.TerminateNegotiationRequest, tw.jipan.dataspace.v1.TerminateNegotiationResponse> getTerminateNegotiationMethod;
    if ((getTerminateNegotiationMethod = NegotiationServiceGrpc.getTerminateNegotiationMethod) == null) {
      synchronized (NegotiationServiceGrpc.class) {
        if ((getTerminateNegotiationMethod = NegotiationServiceGrpc.getTerminateNegotiationMethod) == null) {
          NegotiationServiceGrpc.getTerminateNegotiationMethod = getTerminateNegotiationMethod =
              io.grpc.MethodDescriptor.<tw.jipan.dataspace.v1.TerminateNegotiationRequest, tw.jipan.dataspace.v1.TerminateNegotiationResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "TerminateNegotiation"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.TerminateNegotiationRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.TerminateNegotiationResponse.getDefaultInstance()))
              .setSchemaDescriptor(new NegotiationServiceMethodDescriptorSupplier("TerminateNegotiation"))
              .build();
        }
      }
    }
    return getTerminateNegotiationMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.NotifyNegotiationRequest,
      tw.jipan.dataspace.v1.NotifyNegotiationResponse> getNotifyNegotiationMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "NotifyNegotiation",
      requestType = tw.jipan.dataspace.v1.NotifyNegotiationRequest.class,
      responseType = tw.jipan.dataspace.v1.NotifyNegotiationResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.NotifyNegotiationRequest,
      tw.jipan.dataspace.v1.NotifyNegotiationResponse> getNotifyNegotiationMethod() {
    io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.NotifyNegotiationRequest, tw.jipan.dataspace.v1.NotifyNegotiationResponse> getNotifyNegotiationMethod;
    if ((getNotifyNegotiationMethod = NegotiationServiceGrpc.getNotifyNegotiationMethod) == null) {
      synchronized (NegotiationServiceGrpc.class) {
        if ((getNotifyNegotiationMethod = NegotiationServiceGrpc.getNotifyNegotiationMethod) == null) {
          NegotiationServiceGrpc.getNotifyNegotiationMethod = getNotifyNegotiationMethod =
              io.grpc.MethodDescriptor.<tw.jipan.dataspace.v1.NotifyNegotiationRequest, tw.jipan.dataspace.v1.NotifyNegotiationResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "NotifyNegotiation"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.NotifyNegotiationRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.NotifyNegotiationResponse.getDefaultInstance()))
              .setSchemaDescriptor(new NegotiationServiceMethodDescriptorSupplier("NotifyNegotiation"))
              .build();
        }
      }
    }
    return getNotifyNegotiationMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.GetNegotiationRequest,
      tw.jipan.dataspace.v1.GetNegotiationResponse> getGetNegotiationMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetNegotiation",
      requestType = tw.jipan.dataspace.v1.GetNegotiationRequest.class,
      responseType = tw.jipan.dataspace.v1.GetNegotiationResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.GetNegotiationRequest,
      tw.jipan.dataspace.v1.GetNegotiationResponse> getGetNegotiationMethod() {
    io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.GetNegotiationRequest, tw.jipan.dataspace.v1.GetNegotiationResponse> getGetNegotiationMethod;
    if ((getGetNegotiationMethod = NegotiationServiceGrpc.getGetNegotiationMethod) == null) {
      synchronized (NegotiationServiceGrpc.class) {
        if ((getGetNegotiationMethod = NegotiationServiceGrpc.getGetNegotiationMethod) == null) {
          NegotiationServiceGrpc.getGetNegotiationMethod = getGetNegotiationMethod =
              io.grpc.MethodDescriptor.<tw.jipan.dataspace.v1.GetNegotiationRequest, tw.jipan.dataspace.v1.GetNegotiationResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetNegotiation"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.GetNegotiationRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.GetNegotiationResponse.getDefaultInstance()))
              .setSchemaDescriptor(new NegotiationServiceMethodDescriptorSupplier("GetNegotiation"))
              .build();
        }
      }
    }
    return getGetNegotiationMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.ListNegotiationsRequest,
      tw.jipan.dataspace.v1.ListNegotiationsResponse> getListNegotiationsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListNegotiations",
      requestType = tw.jipan.dataspace.v1.ListNegotiationsRequest.class,
      responseType = tw.jipan.dataspace.v1.ListNegotiationsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.ListNegotiationsRequest,
      tw.jipan.dataspace.v1.ListNegotiationsResponse> getListNegotiationsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.ListNegotiationsRequest, tw.jipan.dataspace.v1.ListNegotiationsResponse> getListNegotiationsMethod;
    if ((getListNegotiationsMethod = NegotiationServiceGrpc.getListNegotiationsMethod) == null) {
      synchronized (NegotiationServiceGrpc.class) {
        if ((getListNegotiationsMethod = NegotiationServiceGrpc.getListNegotiationsMethod) == null) {
          NegotiationServiceGrpc.getListNegotiationsMethod = getListNegotiationsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.dataspace.v1.ListNegotiationsRequest, tw.jipan.dataspace.v1.ListNegotiationsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListNegotiations"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.ListNegotiationsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.ListNegotiationsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new NegotiationServiceMethodDescriptorSupplier("ListNegotiations"))
              .build();
        }
      }
    }
    return getListNegotiationsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.GetAgreementRequest,
      tw.jipan.dataspace.v1.GetAgreementResponse> getGetAgreementMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetAgreement",
      requestType = tw.jipan.dataspace.v1.GetAgreementRequest.class,
      responseType = tw.jipan.dataspace.v1.GetAgreementResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.GetAgreementRequest,
      tw.jipan.dataspace.v1.GetAgreementResponse> getGetAgreementMethod() {
    io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.GetAgreementRequest, tw.jipan.dataspace.v1.GetAgreementResponse> getGetAgreementMethod;
    if ((getGetAgreementMethod = NegotiationServiceGrpc.getGetAgreementMethod) == null) {
      synchronized (NegotiationServiceGrpc.class) {
        if ((getGetAgreementMethod = NegotiationServiceGrpc.getGetAgreementMethod) == null) {
          NegotiationServiceGrpc.getGetAgreementMethod = getGetAgreementMethod =
              io.grpc.MethodDescriptor.<tw.jipan.dataspace.v1.GetAgreementRequest, tw.jipan.dataspace.v1.GetAgreementResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetAgreement"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.GetAgreementRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.GetAgreementResponse.getDefaultInstance()))
              .setSchemaDescriptor(new NegotiationServiceMethodDescriptorSupplier("GetAgreement"))
              .build();
        }
      }
    }
    return getGetAgreementMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.AuthorizeUseRequest,
      tw.jipan.dataspace.v1.AuthorizeUseResponse> getAuthorizeUseMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "AuthorizeUse",
      requestType = tw.jipan.dataspace.v1.AuthorizeUseRequest.class,
      responseType = tw.jipan.dataspace.v1.AuthorizeUseResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.AuthorizeUseRequest,
      tw.jipan.dataspace.v1.AuthorizeUseResponse> getAuthorizeUseMethod() {
    io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.AuthorizeUseRequest, tw.jipan.dataspace.v1.AuthorizeUseResponse> getAuthorizeUseMethod;
    if ((getAuthorizeUseMethod = NegotiationServiceGrpc.getAuthorizeUseMethod) == null) {
      synchronized (NegotiationServiceGrpc.class) {
        if ((getAuthorizeUseMethod = NegotiationServiceGrpc.getAuthorizeUseMethod) == null) {
          NegotiationServiceGrpc.getAuthorizeUseMethod = getAuthorizeUseMethod =
              io.grpc.MethodDescriptor.<tw.jipan.dataspace.v1.AuthorizeUseRequest, tw.jipan.dataspace.v1.AuthorizeUseResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "AuthorizeUse"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.AuthorizeUseRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.AuthorizeUseResponse.getDefaultInstance()))
              .setSchemaDescriptor(new NegotiationServiceMethodDescriptorSupplier("AuthorizeUse"))
              .build();
        }
      }
    }
    return getAuthorizeUseMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.ListUsageLogRequest,
      tw.jipan.dataspace.v1.ListUsageLogResponse> getListUsageLogMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListUsageLog",
      requestType = tw.jipan.dataspace.v1.ListUsageLogRequest.class,
      responseType = tw.jipan.dataspace.v1.ListUsageLogResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.ListUsageLogRequest,
      tw.jipan.dataspace.v1.ListUsageLogResponse> getListUsageLogMethod() {
    io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.ListUsageLogRequest, tw.jipan.dataspace.v1.ListUsageLogResponse> getListUsageLogMethod;
    if ((getListUsageLogMethod = NegotiationServiceGrpc.getListUsageLogMethod) == null) {
      synchronized (NegotiationServiceGrpc.class) {
        if ((getListUsageLogMethod = NegotiationServiceGrpc.getListUsageLogMethod) == null) {
          NegotiationServiceGrpc.getListUsageLogMethod = getListUsageLogMethod =
              io.grpc.MethodDescriptor.<tw.jipan.dataspace.v1.ListUsageLogRequest, tw.jipan.dataspace.v1.ListUsageLogResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListUsageLog"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.ListUsageLogRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.ListUsageLogResponse.getDefaultInstance()))
              .setSchemaDescriptor(new NegotiationServiceMethodDescriptorSupplier("ListUsageLog"))
              .build();
        }
      }
    }
    return getListUsageLogMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.VerifyUsageLogRequest,
      tw.jipan.dataspace.v1.VerifyUsageLogResponse> getVerifyUsageLogMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "VerifyUsageLog",
      requestType = tw.jipan.dataspace.v1.VerifyUsageLogRequest.class,
      responseType = tw.jipan.dataspace.v1.VerifyUsageLogResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.VerifyUsageLogRequest,
      tw.jipan.dataspace.v1.VerifyUsageLogResponse> getVerifyUsageLogMethod() {
    io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.VerifyUsageLogRequest, tw.jipan.dataspace.v1.VerifyUsageLogResponse> getVerifyUsageLogMethod;
    if ((getVerifyUsageLogMethod = NegotiationServiceGrpc.getVerifyUsageLogMethod) == null) {
      synchronized (NegotiationServiceGrpc.class) {
        if ((getVerifyUsageLogMethod = NegotiationServiceGrpc.getVerifyUsageLogMethod) == null) {
          NegotiationServiceGrpc.getVerifyUsageLogMethod = getVerifyUsageLogMethod =
              io.grpc.MethodDescriptor.<tw.jipan.dataspace.v1.VerifyUsageLogRequest, tw.jipan.dataspace.v1.VerifyUsageLogResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "VerifyUsageLog"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.VerifyUsageLogRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.VerifyUsageLogResponse.getDefaultInstance()))
              .setSchemaDescriptor(new NegotiationServiceMethodDescriptorSupplier("VerifyUsageLog"))
              .build();
        }
      }
    }
    return getVerifyUsageLogMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static NegotiationServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<NegotiationServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<NegotiationServiceStub>() {
        @java.lang.Override
        public NegotiationServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new NegotiationServiceStub(channel, callOptions);
        }
      };
    return NegotiationServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static NegotiationServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<NegotiationServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<NegotiationServiceBlockingStub>() {
        @java.lang.Override
        public NegotiationServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new NegotiationServiceBlockingStub(channel, callOptions);
        }
      };
    return NegotiationServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static NegotiationServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<NegotiationServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<NegotiationServiceFutureStub>() {
        @java.lang.Override
        public NegotiationServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new NegotiationServiceFutureStub(channel, callOptions);
        }
      };
    return NegotiationServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Contract negotiation and usage control (Dataspace Protocol 2025-1): a
   * consumer organisation negotiates a contract for a catalogued dataset with
   * its publisher, through the protocol's states
   * REQUESTED → OFFERED → ACCEPTED → AGREED → VERIFIED → FINALIZED, or
   * TERMINATED from any state before FINALIZED. Each method is one protocol
   * message, allowed only in the states and from the side the protocol says
   * (FAILED_PRECONDITION NEGOTIATION_STATE otherwise); sending the message
   * that led to the current state again returns the negotiation unchanged, so
   * a retry is safe. Every message is recorded in the negotiation's usage
   * log, hash-chained and anchored on the ledger; so is the agreement.
   * </pre>
   */
  public static abstract class NegotiationServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * ContractRequestMessage (consumer): starts a negotiation for one of the
     * dataset's offers, proposing its policy or the caller's own terms.
     * </pre>
     */
    public void requestContract(tw.jipan.dataspace.v1.RequestContractRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.RequestContractResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRequestContractMethod(), responseObserver);
    }

    /**
     * <pre>
     * ContractOfferMessage (provider): a counter-offer on a REQUESTED
     * negotiation → OFFERED.
     * </pre>
     */
    public void offerContract(tw.jipan.dataspace.v1.OfferContractRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.OfferContractResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getOfferContractMethod(), responseObserver);
    }

    /**
     * <pre>
     * ContractRequestMessage (consumer) on an OFFERED negotiation: a
     * counter-request → REQUESTED.
     * </pre>
     */
    public void counterRequest(tw.jipan.dataspace.v1.CounterRequestRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.CounterRequestResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCounterRequestMethod(), responseObserver);
    }

    /**
     * <pre>
     * ContractNegotiationEventMessage "ACCEPTED" (consumer): accepts the
     * provider's offer, OFFERED → ACCEPTED.
     * </pre>
     */
    public void acceptOffer(tw.jipan.dataspace.v1.AcceptOfferRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.AcceptOfferResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getAcceptOfferMethod(), responseObserver);
    }

    /**
     * <pre>
     * ContractAgreementMessage (provider): agrees to the terms on the table,
     * REQUESTED or ACCEPTED → AGREED; creates the agreement.
     * </pre>
     */
    public void agreeContract(tw.jipan.dataspace.v1.AgreeContractRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.AgreeContractResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getAgreeContractMethod(), responseObserver);
    }

    /**
     * <pre>
     * ContractAgreementVerificationMessage (consumer): AGREED → VERIFIED.
     * </pre>
     */
    public void verifyAgreement(tw.jipan.dataspace.v1.VerifyAgreementRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.VerifyAgreementResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getVerifyAgreementMethod(), responseObserver);
    }

    /**
     * <pre>
     * ContractNegotiationEventMessage "FINALIZED" (provider): VERIFIED →
     * FINALIZED; the agreement is in force and its digest anchored.
     * </pre>
     */
    public void finalizeContract(tw.jipan.dataspace.v1.FinalizeContractRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.FinalizeContractResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getFinalizeContractMethod(), responseObserver);
    }

    /**
     * <pre>
     * ContractNegotiationTerminationMessage (either side): any state before
     * FINALIZED → TERMINATED.
     * </pre>
     */
    public void terminateNegotiation(tw.jipan.dataspace.v1.TerminateNegotiationRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.TerminateNegotiationResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getTerminateNegotiationMethod(), responseObserver);
    }

    /**
     * <pre>
     * The provider mesh's connector tells the consumer's mesh about a message
     * its provider sent (the Dataspace Protocol's callback): `negotiation` is
     * the provider mesh's record after it, `agreement` its agreement once
     * AGREED. Only from another mesh (a token federation exchanged) whose
     * issuer is the one JIPAN_DATASPACE_PEERS names for the negotiation's
     * peer (PERMISSION_DENIED PEER_NOT_CONFIGURED otherwise); the consumer's
     * record then mirrors it as GetNegotiation's sync does. A repeated
     * notification changes nothing.
     * </pre>
     */
    public void notifyNegotiation(tw.jipan.dataspace.v1.NotifyNegotiationRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.NotifyNegotiationResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getNotifyNegotiationMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns a negotiation the caller's organisation takes part in.
     * </pre>
     */
    public void getNegotiation(tw.jipan.dataspace.v1.GetNegotiationRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.GetNegotiationResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetNegotiationMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the negotiations the caller's organisation takes part in, newest
     * first.
     * </pre>
     */
    public void listNegotiations(tw.jipan.dataspace.v1.ListNegotiationsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.ListNegotiationsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListNegotiationsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns an agreement the caller's organisation is a party to.
     * </pre>
     */
    public void getAgreement(tw.jipan.dataspace.v1.GetAgreementRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.GetAgreementResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetAgreementMethod(), responseObserver);
    }

    /**
     * <pre>
     * Asks, at this moment, whether the consumer may use the data under the
     * agreement for an action and purpose; a permitted use is counted (the
     * policy's `count` constraints) and logged, a refused one only logged.
     * Only the consumer asks; the agreement must be in force.
     * </pre>
     */
    public void authorizeUse(tw.jipan.dataspace.v1.AuthorizeUseRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.AuthorizeUseResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getAuthorizeUseMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists a negotiation's usage log, oldest first.
     * </pre>
     */
    public void listUsageLog(tw.jipan.dataspace.v1.ListUsageLogRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.ListUsageLogResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListUsageLogMethod(), responseObserver);
    }

    /**
     * <pre>
     * Recomputes a negotiation's usage log hash chain and checks each entry's
     * ledger anchor: a changed, removed or reordered entry is reported.
     * </pre>
     */
    public void verifyUsageLog(tw.jipan.dataspace.v1.VerifyUsageLogRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.VerifyUsageLogResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getVerifyUsageLogMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getRequestContractMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.dataspace.v1.RequestContractRequest,
                tw.jipan.dataspace.v1.RequestContractResponse>(
                  this, METHODID_REQUEST_CONTRACT)))
          .addMethod(
            getOfferContractMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.dataspace.v1.OfferContractRequest,
                tw.jipan.dataspace.v1.OfferContractResponse>(
                  this, METHODID_OFFER_CONTRACT)))
          .addMethod(
            getCounterRequestMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.dataspace.v1.CounterRequestRequest,
                tw.jipan.dataspace.v1.CounterRequestResponse>(
                  this, METHODID_COUNTER_REQUEST)))
          .addMethod(
            getAcceptOfferMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.dataspace.v1.AcceptOfferRequest,
                tw.jipan.dataspace.v1.AcceptOfferResponse>(
                  this, METHODID_ACCEPT_OFFER)))
          .addMethod(
            getAgreeContractMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.dataspace.v1.AgreeContractRequest,
                tw.jipan.dataspace.v1.AgreeContractResponse>(
                  this, METHODID_AGREE_CONTRACT)))
          .addMethod(
            getVerifyAgreementMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.dataspace.v1.VerifyAgreementRequest,
                tw.jipan.dataspace.v1.VerifyAgreementResponse>(
                  this, METHODID_VERIFY_AGREEMENT)))
          .addMethod(
            getFinalizeContractMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.dataspace.v1.FinalizeContractRequest,
                tw.jipan.dataspace.v1.FinalizeContractResponse>(
                  this, METHODID_FINALIZE_CONTRACT)))
          .addMethod(
            getTerminateNegotiationMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.dataspace.v1.TerminateNegotiationRequest,
                tw.jipan.dataspace.v1.TerminateNegotiationResponse>(
                  this, METHODID_TERMINATE_NEGOTIATION)))
          .addMethod(
            getNotifyNegotiationMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.dataspace.v1.NotifyNegotiationRequest,
                tw.jipan.dataspace.v1.NotifyNegotiationResponse>(
                  this, METHODID_NOTIFY_NEGOTIATION)))
          .addMethod(
            getGetNegotiationMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.dataspace.v1.GetNegotiationRequest,
                tw.jipan.dataspace.v1.GetNegotiationResponse>(
                  this, METHODID_GET_NEGOTIATION)))
          .addMethod(
            getListNegotiationsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.dataspace.v1.ListNegotiationsRequest,
                tw.jipan.dataspace.v1.ListNegotiationsResponse>(
                  this, METHODID_LIST_NEGOTIATIONS)))
          .addMethod(
            getGetAgreementMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.dataspace.v1.GetAgreementRequest,
                tw.jipan.dataspace.v1.GetAgreementResponse>(
                  this, METHODID_GET_AGREEMENT)))
          .addMethod(
            getAuthorizeUseMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.dataspace.v1.AuthorizeUseRequest,
                tw.jipan.dataspace.v1.AuthorizeUseResponse>(
                  this, METHODID_AUTHORIZE_USE)))
          .addMethod(
            getListUsageLogMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.dataspace.v1.ListUsageLogRequest,
                tw.jipan.dataspace.v1.ListUsageLogResponse>(
                  this, METHODID_LIST_USAGE_LOG)))
          .addMethod(
            getVerifyUsageLogMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.dataspace.v1.VerifyUsageLogRequest,
                tw.jipan.dataspace.v1.VerifyUsageLogResponse>(
                  this, METHODID_VERIFY_USAGE_LOG)))
          .build();
    }
  }

  /**
   * <pre>
   * Contract negotiation and usage control (Dataspace Protocol 2025-1): a
   * consumer organisation negotiates a contract for a catalogued dataset with
   * its publisher, through the protocol's states
   * REQUESTED → OFFERED → ACCEPTED → AGREED → VERIFIED → FINALIZED, or
   * TERMINATED from any state before FINALIZED. Each method is one protocol
   * message, allowed only in the states and from the side the protocol says
   * (FAILED_PRECONDITION NEGOTIATION_STATE otherwise); sending the message
   * that led to the current state again returns the negotiation unchanged, so
   * a retry is safe. Every message is recorded in the negotiation's usage
   * log, hash-chained and anchored on the ledger; so is the agreement.
   * </pre>
   */
  public static final class NegotiationServiceStub extends io.grpc.stub.AbstractAsyncStub<NegotiationServiceStub> {
    private NegotiationServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected NegotiationServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new NegotiationServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * ContractRequestMessage (consumer): starts a negotiation for one of the
     * dataset's offers, proposing its policy or the caller's own terms.
     * </pre>
     */
    public void requestContract(tw.jipan.dataspace.v1.RequestContractRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.RequestContractResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRequestContractMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * ContractOfferMessage (provider): a counter-offer on a REQUESTED
     * negotiation → OFFERED.
     * </pre>
     */
    public void offerContract(tw.jipan.dataspace.v1.OfferContractRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.OfferContractResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getOfferContractMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * ContractRequestMessage (consumer) on an OFFERED negotiation: a
     * counter-request → REQUESTED.
     * </pre>
     */
    public void counterRequest(tw.jipan.dataspace.v1.CounterRequestRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.CounterRequestResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCounterRequestMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * ContractNegotiationEventMessage "ACCEPTED" (consumer): accepts the
     * provider's offer, OFFERED → ACCEPTED.
     * </pre>
     */
    public void acceptOffer(tw.jipan.dataspace.v1.AcceptOfferRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.AcceptOfferResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getAcceptOfferMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * ContractAgreementMessage (provider): agrees to the terms on the table,
     * REQUESTED or ACCEPTED → AGREED; creates the agreement.
     * </pre>
     */
    public void agreeContract(tw.jipan.dataspace.v1.AgreeContractRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.AgreeContractResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getAgreeContractMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * ContractAgreementVerificationMessage (consumer): AGREED → VERIFIED.
     * </pre>
     */
    public void verifyAgreement(tw.jipan.dataspace.v1.VerifyAgreementRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.VerifyAgreementResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getVerifyAgreementMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * ContractNegotiationEventMessage "FINALIZED" (provider): VERIFIED →
     * FINALIZED; the agreement is in force and its digest anchored.
     * </pre>
     */
    public void finalizeContract(tw.jipan.dataspace.v1.FinalizeContractRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.FinalizeContractResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getFinalizeContractMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * ContractNegotiationTerminationMessage (either side): any state before
     * FINALIZED → TERMINATED.
     * </pre>
     */
    public void terminateNegotiation(tw.jipan.dataspace.v1.TerminateNegotiationRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.TerminateNegotiationResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getTerminateNegotiationMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * The provider mesh's connector tells the consumer's mesh about a message
     * its provider sent (the Dataspace Protocol's callback): `negotiation` is
     * the provider mesh's record after it, `agreement` its agreement once
     * AGREED. Only from another mesh (a token federation exchanged) whose
     * issuer is the one JIPAN_DATASPACE_PEERS names for the negotiation's
     * peer (PERMISSION_DENIED PEER_NOT_CONFIGURED otherwise); the consumer's
     * record then mirrors it as GetNegotiation's sync does. A repeated
     * notification changes nothing.
     * </pre>
     */
    public void notifyNegotiation(tw.jipan.dataspace.v1.NotifyNegotiationRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.NotifyNegotiationResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getNotifyNegotiationMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns a negotiation the caller's organisation takes part in.
     * </pre>
     */
    public void getNegotiation(tw.jipan.dataspace.v1.GetNegotiationRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.GetNegotiationResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetNegotiationMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the negotiations the caller's organisation takes part in, newest
     * first.
     * </pre>
     */
    public void listNegotiations(tw.jipan.dataspace.v1.ListNegotiationsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.ListNegotiationsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListNegotiationsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns an agreement the caller's organisation is a party to.
     * </pre>
     */
    public void getAgreement(tw.jipan.dataspace.v1.GetAgreementRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.GetAgreementResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetAgreementMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Asks, at this moment, whether the consumer may use the data under the
     * agreement for an action and purpose; a permitted use is counted (the
     * policy's `count` constraints) and logged, a refused one only logged.
     * Only the consumer asks; the agreement must be in force.
     * </pre>
     */
    public void authorizeUse(tw.jipan.dataspace.v1.AuthorizeUseRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.AuthorizeUseResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getAuthorizeUseMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists a negotiation's usage log, oldest first.
     * </pre>
     */
    public void listUsageLog(tw.jipan.dataspace.v1.ListUsageLogRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.ListUsageLogResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListUsageLogMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Recomputes a negotiation's usage log hash chain and checks each entry's
     * ledger anchor: a changed, removed or reordered entry is reported.
     * </pre>
     */
    public void verifyUsageLog(tw.jipan.dataspace.v1.VerifyUsageLogRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.VerifyUsageLogResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getVerifyUsageLogMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * Contract negotiation and usage control (Dataspace Protocol 2025-1): a
   * consumer organisation negotiates a contract for a catalogued dataset with
   * its publisher, through the protocol's states
   * REQUESTED → OFFERED → ACCEPTED → AGREED → VERIFIED → FINALIZED, or
   * TERMINATED from any state before FINALIZED. Each method is one protocol
   * message, allowed only in the states and from the side the protocol says
   * (FAILED_PRECONDITION NEGOTIATION_STATE otherwise); sending the message
   * that led to the current state again returns the negotiation unchanged, so
   * a retry is safe. Every message is recorded in the negotiation's usage
   * log, hash-chained and anchored on the ledger; so is the agreement.
   * </pre>
   */
  public static final class NegotiationServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<NegotiationServiceBlockingStub> {
    private NegotiationServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected NegotiationServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new NegotiationServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * ContractRequestMessage (consumer): starts a negotiation for one of the
     * dataset's offers, proposing its policy or the caller's own terms.
     * </pre>
     */
    public tw.jipan.dataspace.v1.RequestContractResponse requestContract(tw.jipan.dataspace.v1.RequestContractRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRequestContractMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * ContractOfferMessage (provider): a counter-offer on a REQUESTED
     * negotiation → OFFERED.
     * </pre>
     */
    public tw.jipan.dataspace.v1.OfferContractResponse offerContract(tw.jipan.dataspace.v1.OfferContractRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getOfferContractMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * ContractRequestMessage (consumer) on an OFFERED negotiation: a
     * counter-request → REQUESTED.
     * </pre>
     */
    public tw.jipan.dataspace.v1.CounterRequestResponse counterRequest(tw.jipan.dataspace.v1.CounterRequestRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCounterRequestMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * ContractNegotiationEventMessage "ACCEPTED" (consumer): accepts the
     * provider's offer, OFFERED → ACCEPTED.
     * </pre>
     */
    public tw.jipan.dataspace.v1.AcceptOfferResponse acceptOffer(tw.jipan.dataspace.v1.AcceptOfferRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getAcceptOfferMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * ContractAgreementMessage (provider): agrees to the terms on the table,
     * REQUESTED or ACCEPTED → AGREED; creates the agreement.
     * </pre>
     */
    public tw.jipan.dataspace.v1.AgreeContractResponse agreeContract(tw.jipan.dataspace.v1.AgreeContractRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getAgreeContractMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * ContractAgreementVerificationMessage (consumer): AGREED → VERIFIED.
     * </pre>
     */
    public tw.jipan.dataspace.v1.VerifyAgreementResponse verifyAgreement(tw.jipan.dataspace.v1.VerifyAgreementRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getVerifyAgreementMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * ContractNegotiationEventMessage "FINALIZED" (provider): VERIFIED →
     * FINALIZED; the agreement is in force and its digest anchored.
     * </pre>
     */
    public tw.jipan.dataspace.v1.FinalizeContractResponse finalizeContract(tw.jipan.dataspace.v1.FinalizeContractRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getFinalizeContractMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * ContractNegotiationTerminationMessage (either side): any state before
     * FINALIZED → TERMINATED.
     * </pre>
     */
    public tw.jipan.dataspace.v1.TerminateNegotiationResponse terminateNegotiation(tw.jipan.dataspace.v1.TerminateNegotiationRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getTerminateNegotiationMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The provider mesh's connector tells the consumer's mesh about a message
     * its provider sent (the Dataspace Protocol's callback): `negotiation` is
     * the provider mesh's record after it, `agreement` its agreement once
     * AGREED. Only from another mesh (a token federation exchanged) whose
     * issuer is the one JIPAN_DATASPACE_PEERS names for the negotiation's
     * peer (PERMISSION_DENIED PEER_NOT_CONFIGURED otherwise); the consumer's
     * record then mirrors it as GetNegotiation's sync does. A repeated
     * notification changes nothing.
     * </pre>
     */
    public tw.jipan.dataspace.v1.NotifyNegotiationResponse notifyNegotiation(tw.jipan.dataspace.v1.NotifyNegotiationRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getNotifyNegotiationMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns a negotiation the caller's organisation takes part in.
     * </pre>
     */
    public tw.jipan.dataspace.v1.GetNegotiationResponse getNegotiation(tw.jipan.dataspace.v1.GetNegotiationRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetNegotiationMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the negotiations the caller's organisation takes part in, newest
     * first.
     * </pre>
     */
    public tw.jipan.dataspace.v1.ListNegotiationsResponse listNegotiations(tw.jipan.dataspace.v1.ListNegotiationsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListNegotiationsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns an agreement the caller's organisation is a party to.
     * </pre>
     */
    public tw.jipan.dataspace.v1.GetAgreementResponse getAgreement(tw.jipan.dataspace.v1.GetAgreementRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetAgreementMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Asks, at this moment, whether the consumer may use the data under the
     * agreement for an action and purpose; a permitted use is counted (the
     * policy's `count` constraints) and logged, a refused one only logged.
     * Only the consumer asks; the agreement must be in force.
     * </pre>
     */
    public tw.jipan.dataspace.v1.AuthorizeUseResponse authorizeUse(tw.jipan.dataspace.v1.AuthorizeUseRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getAuthorizeUseMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists a negotiation's usage log, oldest first.
     * </pre>
     */
    public tw.jipan.dataspace.v1.ListUsageLogResponse listUsageLog(tw.jipan.dataspace.v1.ListUsageLogRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListUsageLogMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Recomputes a negotiation's usage log hash chain and checks each entry's
     * ledger anchor: a changed, removed or reordered entry is reported.
     * </pre>
     */
    public tw.jipan.dataspace.v1.VerifyUsageLogResponse verifyUsageLog(tw.jipan.dataspace.v1.VerifyUsageLogRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getVerifyUsageLogMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * Contract negotiation and usage control (Dataspace Protocol 2025-1): a
   * consumer organisation negotiates a contract for a catalogued dataset with
   * its publisher, through the protocol's states
   * REQUESTED → OFFERED → ACCEPTED → AGREED → VERIFIED → FINALIZED, or
   * TERMINATED from any state before FINALIZED. Each method is one protocol
   * message, allowed only in the states and from the side the protocol says
   * (FAILED_PRECONDITION NEGOTIATION_STATE otherwise); sending the message
   * that led to the current state again returns the negotiation unchanged, so
   * a retry is safe. Every message is recorded in the negotiation's usage
   * log, hash-chained and anchored on the ledger; so is the agreement.
   * </pre>
   */
  public static final class NegotiationServiceFutureStub extends io.grpc.stub.AbstractFutureStub<NegotiationServiceFutureStub> {
    private NegotiationServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected NegotiationServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new NegotiationServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * ContractRequestMessage (consumer): starts a negotiation for one of the
     * dataset's offers, proposing its policy or the caller's own terms.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.dataspace.v1.RequestContractResponse> requestContract(
        tw.jipan.dataspace.v1.RequestContractRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRequestContractMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * ContractOfferMessage (provider): a counter-offer on a REQUESTED
     * negotiation → OFFERED.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.dataspace.v1.OfferContractResponse> offerContract(
        tw.jipan.dataspace.v1.OfferContractRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getOfferContractMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * ContractRequestMessage (consumer) on an OFFERED negotiation: a
     * counter-request → REQUESTED.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.dataspace.v1.CounterRequestResponse> counterRequest(
        tw.jipan.dataspace.v1.CounterRequestRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCounterRequestMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * ContractNegotiationEventMessage "ACCEPTED" (consumer): accepts the
     * provider's offer, OFFERED → ACCEPTED.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.dataspace.v1.AcceptOfferResponse> acceptOffer(
        tw.jipan.dataspace.v1.AcceptOfferRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getAcceptOfferMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * ContractAgreementMessage (provider): agrees to the terms on the table,
     * REQUESTED or ACCEPTED → AGREED; creates the agreement.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.dataspace.v1.AgreeContractResponse> agreeContract(
        tw.jipan.dataspace.v1.AgreeContractRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getAgreeContractMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * ContractAgreementVerificationMessage (consumer): AGREED → VERIFIED.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.dataspace.v1.VerifyAgreementResponse> verifyAgreement(
        tw.jipan.dataspace.v1.VerifyAgreementRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getVerifyAgreementMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * ContractNegotiationEventMessage "FINALIZED" (provider): VERIFIED →
     * FINALIZED; the agreement is in force and its digest anchored.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.dataspace.v1.FinalizeContractResponse> finalizeContract(
        tw.jipan.dataspace.v1.FinalizeContractRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getFinalizeContractMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * ContractNegotiationTerminationMessage (either side): any state before
     * FINALIZED → TERMINATED.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.dataspace.v1.TerminateNegotiationResponse> terminateNegotiation(
        tw.jipan.dataspace.v1.TerminateNegotiationRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getTerminateNegotiationMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * The provider mesh's connector tells the consumer's mesh about a message
     * its provider sent (the Dataspace Protocol's callback): `negotiation` is
     * the provider mesh's record after it, `agreement` its agreement once
     * AGREED. Only from another mesh (a token federation exchanged) whose
     * issuer is the one JIPAN_DATASPACE_PEERS names for the negotiation's
     * peer (PERMISSION_DENIED PEER_NOT_CONFIGURED otherwise); the consumer's
     * record then mirrors it as GetNegotiation's sync does. A repeated
     * notification changes nothing.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.dataspace.v1.NotifyNegotiationResponse> notifyNegotiation(
        tw.jipan.dataspace.v1.NotifyNegotiationRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getNotifyNegotiationMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns a negotiation the caller's organisation takes part in.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.dataspace.v1.GetNegotiationResponse> getNegotiation(
        tw.jipan.dataspace.v1.GetNegotiationRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetNegotiationMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the negotiations the caller's organisation takes part in, newest
     * first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.dataspace.v1.ListNegotiationsResponse> listNegotiations(
        tw.jipan.dataspace.v1.ListNegotiationsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListNegotiationsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns an agreement the caller's organisation is a party to.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.dataspace.v1.GetAgreementResponse> getAgreement(
        tw.jipan.dataspace.v1.GetAgreementRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetAgreementMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Asks, at this moment, whether the consumer may use the data under the
     * agreement for an action and purpose; a permitted use is counted (the
     * policy's `count` constraints) and logged, a refused one only logged.
     * Only the consumer asks; the agreement must be in force.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.dataspace.v1.AuthorizeUseResponse> authorizeUse(
        tw.jipan.dataspace.v1.AuthorizeUseRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getAuthorizeUseMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists a negotiation's usage log, oldest first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.dataspace.v1.ListUsageLogResponse> listUsageLog(
        tw.jipan.dataspace.v1.ListUsageLogRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListUsageLogMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Recomputes a negotiation's usage log hash chain and checks each entry's
     * ledger anchor: a changed, removed or reordered entry is reported.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.dataspace.v1.VerifyUsageLogResponse> verifyUsageLog(
        tw.jipan.dataspace.v1.VerifyUsageLogRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getVerifyUsageLogMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_REQUEST_CONTRACT = 0;
  private static final int METHODID_OFFER_CONTRACT = 1;
  private static final int METHODID_COUNTER_REQUEST = 2;
  private static final int METHODID_ACCEPT_OFFER = 3;
  private static final int METHODID_AGREE_CONTRACT = 4;
  private static final int METHODID_VERIFY_AGREEMENT = 5;
  private static final int METHODID_FINALIZE_CONTRACT = 6;
  private static final int METHODID_TERMINATE_NEGOTIATION = 7;
  private static final int METHODID_NOTIFY_NEGOTIATION = 8;
  private static final int METHODID_GET_NEGOTIATION = 9;
  private static final int METHODID_LIST_NEGOTIATIONS = 10;
  private static final int METHODID_GET_AGREEMENT = 11;
  private static final int METHODID_AUTHORIZE_USE = 12;
  private static final int METHODID_LIST_USAGE_LOG = 13;
  private static final int METHODID_VERIFY_USAGE_LOG = 14;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final NegotiationServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(NegotiationServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_REQUEST_CONTRACT:
          serviceImpl.requestContract((tw.jipan.dataspace.v1.RequestContractRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.RequestContractResponse>) responseObserver);
          break;
        case METHODID_OFFER_CONTRACT:
          serviceImpl.offerContract((tw.jipan.dataspace.v1.OfferContractRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.OfferContractResponse>) responseObserver);
          break;
        case METHODID_COUNTER_REQUEST:
          serviceImpl.counterRequest((tw.jipan.dataspace.v1.CounterRequestRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.CounterRequestResponse>) responseObserver);
          break;
        case METHODID_ACCEPT_OFFER:
          serviceImpl.acceptOffer((tw.jipan.dataspace.v1.AcceptOfferRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.AcceptOfferResponse>) responseObserver);
          break;
        case METHODID_AGREE_CONTRACT:
          serviceImpl.agreeContract((tw.jipan.dataspace.v1.AgreeContractRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.AgreeContractResponse>) responseObserver);
          break;
        case METHODID_VERIFY_AGREEMENT:
          serviceImpl.verifyAgreement((tw.jipan.dataspace.v1.VerifyAgreementRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.VerifyAgreementResponse>) responseObserver);
          break;
        case METHODID_FINALIZE_CONTRACT:
          serviceImpl.finalizeContract((tw.jipan.dataspace.v1.FinalizeContractRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.FinalizeContractResponse>) responseObserver);
          break;
        case METHODID_TERMINATE_NEGOTIATION:
          serviceImpl.terminateNegotiation((tw.jipan.dataspace.v1.TerminateNegotiationRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.TerminateNegotiationResponse>) responseObserver);
          break;
        case METHODID_NOTIFY_NEGOTIATION:
          serviceImpl.notifyNegotiation((tw.jipan.dataspace.v1.NotifyNegotiationRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.NotifyNegotiationResponse>) responseObserver);
          break;
        case METHODID_GET_NEGOTIATION:
          serviceImpl.getNegotiation((tw.jipan.dataspace.v1.GetNegotiationRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.GetNegotiationResponse>) responseObserver);
          break;
        case METHODID_LIST_NEGOTIATIONS:
          serviceImpl.listNegotiations((tw.jipan.dataspace.v1.ListNegotiationsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.ListNegotiationsResponse>) responseObserver);
          break;
        case METHODID_GET_AGREEMENT:
          serviceImpl.getAgreement((tw.jipan.dataspace.v1.GetAgreementRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.GetAgreementResponse>) responseObserver);
          break;
        case METHODID_AUTHORIZE_USE:
          serviceImpl.authorizeUse((tw.jipan.dataspace.v1.AuthorizeUseRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.AuthorizeUseResponse>) responseObserver);
          break;
        case METHODID_LIST_USAGE_LOG:
          serviceImpl.listUsageLog((tw.jipan.dataspace.v1.ListUsageLogRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.ListUsageLogResponse>) responseObserver);
          break;
        case METHODID_VERIFY_USAGE_LOG:
          serviceImpl.verifyUsageLog((tw.jipan.dataspace.v1.VerifyUsageLogRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.VerifyUsageLogResponse>) responseObserver);
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

  private static abstract class NegotiationServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    NegotiationServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.dataspace.v1.NegotiationServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("NegotiationService");
    }
  }

  private static final class NegotiationServiceFileDescriptorSupplier
      extends NegotiationServiceBaseDescriptorSupplier {
    NegotiationServiceFileDescriptorSupplier() {}
  }

  private static final class NegotiationServiceMethodDescriptorSupplier
      extends NegotiationServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    NegotiationServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (NegotiationServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new NegotiationServiceFileDescriptorSupplier())
              .addMethod(getRequestContractMethod())
              .addMethod(getOfferContractMethod())
              .addMethod(getCounterRequestMethod())
              .addMethod(getAcceptOfferMethod())
              .addMethod(getAgreeContractMethod())
              .addMethod(getVerifyAgreementMethod())
              .addMethod(getFinalizeContractMethod())
              .addMethod(getTerminateNegotiationMethod())
              .addMethod(getNotifyNegotiationMethod())
              .addMethod(getGetNegotiationMethod())
              .addMethod(getListNegotiationsMethod())
              .addMethod(getGetAgreementMethod())
              .addMethod(getAuthorizeUseMethod())
              .addMethod(getListUsageLogMethod())
              .addMethod(getVerifyUsageLogMethod())
              .build();
        }
      }
    }
    return result;
  }
}
