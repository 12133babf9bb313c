package tw.jipan.procurement.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Electronic tendering with sealed bids (電子領標、投標、開標、決標). A bid is
 * encrypted on the vendor's side to the tender's evaluation committee with a
 * k-of-n threshold, so nobody — an operator with full database and object
 * store access included — can read it before the opening, and no single
 * member can open it alone. Each bid's commitment is anchored on the ledger at
 * submission; at opening, k members release their shares, bids decrypt and
 * their commitments are checked against the anchors. Then qualification,
 * scoring, award and the contract; every step is in the audit trail.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/procurement/v1/tender_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class TenderServiceGrpc {

  private TenderServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.procurement.v1.TenderService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.CreateTenderRequest,
      tw.jipan.procurement.v1.CreateTenderResponse> getCreateTenderMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateTender",
      requestType = tw.jipan.procurement.v1.CreateTenderRequest.class,
      responseType = tw.jipan.procurement.v1.CreateTenderResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.CreateTenderRequest,
      tw.jipan.procurement.v1.CreateTenderResponse> getCreateTenderMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.CreateTenderRequest, tw.jipan.procurement.v1.CreateTenderResponse> getCreateTenderMethod;
    if ((getCreateTenderMethod = TenderServiceGrpc.getCreateTenderMethod) == null) {
      synchronized (TenderServiceGrpc.class) {
        if ((getCreateTenderMethod = TenderServiceGrpc.getCreateTenderMethod) == null) {
          TenderServiceGrpc.getCreateTenderMethod = getCreateTenderMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.CreateTenderRequest, tw.jipan.procurement.v1.CreateTenderResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateTender"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.CreateTenderRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.CreateTenderResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TenderServiceMethodDescriptorSupplier("CreateTender"))
              .build();
        }
      }
    }
    return getCreateTenderMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.GetTenderRequest,
      tw.jipan.procurement.v1.GetTenderResponse> getGetTenderMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetTender",
      requestType = tw.jipan.procurement.v1.GetTenderRequest.class,
      responseType = tw.jipan.procurement.v1.GetTenderResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.GetTenderRequest,
      tw.jipan.procurement.v1.GetTenderResponse> getGetTenderMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.GetTenderRequest, tw.jipan.procurement.v1.GetTenderResponse> getGetTenderMethod;
    if ((getGetTenderMethod = TenderServiceGrpc.getGetTenderMethod) == null) {
      synchronized (TenderServiceGrpc.class) {
        if ((getGetTenderMethod = TenderServiceGrpc.getGetTenderMethod) == null) {
          TenderServiceGrpc.getGetTenderMethod = getGetTenderMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.GetTenderRequest, tw.jipan.procurement.v1.GetTenderResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetTender"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.GetTenderRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.GetTenderResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TenderServiceMethodDescriptorSupplier("GetTender"))
              .build();
        }
      }
    }
    return getGetTenderMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ListTendersRequest,
      tw.jipan.procurement.v1.ListTendersResponse> getListTendersMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListTenders",
      requestType = tw.jipan.procurement.v1.ListTendersRequest.class,
      responseType = tw.jipan.procurement.v1.ListTendersResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ListTendersRequest,
      tw.jipan.procurement.v1.ListTendersResponse> getListTendersMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ListTendersRequest, tw.jipan.procurement.v1.ListTendersResponse> getListTendersMethod;
    if ((getListTendersMethod = TenderServiceGrpc.getListTendersMethod) == null) {
      synchronized (TenderServiceGrpc.class) {
        if ((getListTendersMethod = TenderServiceGrpc.getListTendersMethod) == null) {
          TenderServiceGrpc.getListTendersMethod = getListTendersMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.ListTendersRequest, tw.jipan.procurement.v1.ListTendersResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListTenders"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.ListTendersRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.ListTendersResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TenderServiceMethodDescriptorSupplier("ListTenders"))
              .build();
        }
      }
    }
    return getListTendersMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.SubmitBidRequest,
      tw.jipan.procurement.v1.SubmitBidResponse> getSubmitBidMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "SubmitBid",
      requestType = tw.jipan.procurement.v1.SubmitBidRequest.class,
      responseType = tw.jipan.procurement.v1.SubmitBidResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.SubmitBidRequest,
      tw.jipan.procurement.v1.SubmitBidResponse> getSubmitBidMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.SubmitBidRequest, tw.jipan.procurement.v1.SubmitBidResponse> getSubmitBidMethod;
    if ((getSubmitBidMethod = TenderServiceGrpc.getSubmitBidMethod) == null) {
      synchronized (TenderServiceGrpc.class) {
        if ((getSubmitBidMethod = TenderServiceGrpc.getSubmitBidMethod) == null) {
          TenderServiceGrpc.getSubmitBidMethod = getSubmitBidMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.SubmitBidRequest, tw.jipan.procurement.v1.SubmitBidResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "SubmitBid"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.SubmitBidRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.SubmitBidResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TenderServiceMethodDescriptorSupplier("SubmitBid"))
              .build();
        }
      }
    }
    return getSubmitBidMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.SealAndSubmitBidRequest,
      tw.jipan.procurement.v1.SealAndSubmitBidResponse> getSealAndSubmitBidMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "SealAndSubmitBid",
      requestType = tw.jipan.procurement.v1.SealAndSubmitBidRequest.class,
      responseType = tw.jipan.procurement.v1.SealAndSubmitBidResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.SealAndSubmitBidRequest,
      tw.jipan.procurement.v1.SealAndSubmitBidResponse> getSealAndSubmitBidMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.SealAndSubmitBidRequest, tw.jipan.procurement.v1.SealAndSubmitBidResponse> getSealAndSubmitBidMethod;
    if ((getSealAndSubmitBidMethod = TenderServiceGrpc.getSealAndSubmitBidMethod) == null) {
      synchronized (TenderServiceGrpc.class) {
        if ((getSealAndSubmitBidMethod = TenderServiceGrpc.getSealAndSubmitBidMethod) == null) {
          TenderServiceGrpc.getSealAndSubmitBidMethod = getSealAndSubmitBidMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.SealAndSubmitBidRequest, tw.jipan.procurement.v1.SealAndSubmitBidResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "SealAndSubmitBid"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.SealAndSubmitBidRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.SealAndSubmitBidResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TenderServiceMethodDescriptorSupplier("SealAndSubmitBid"))
              .build();
        }
      }
    }
    return getSealAndSubmitBidMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.WithdrawBidRequest,
      tw.jipan.procurement.v1.WithdrawBidResponse> getWithdrawBidMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "WithdrawBid",
      requestType = tw.jipan.procurement.v1.WithdrawBidRequest.class,
      responseType = tw.jipan.procurement.v1.WithdrawBidResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.WithdrawBidRequest,
      tw.jipan.procurement.v1.WithdrawBidResponse> getWithdrawBidMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.WithdrawBidRequest, tw.jipan.procurement.v1.WithdrawBidResponse> getWithdrawBidMethod;
    if ((getWithdrawBidMethod = TenderServiceGrpc.getWithdrawBidMethod) == null) {
      synchronized (TenderServiceGrpc.class) {
        if ((getWithdrawBidMethod = TenderServiceGrpc.getWithdrawBidMethod) == null) {
          TenderServiceGrpc.getWithdrawBidMethod = getWithdrawBidMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.WithdrawBidRequest, tw.jipan.procurement.v1.WithdrawBidResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "WithdrawBid"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.WithdrawBidRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.WithdrawBidResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TenderServiceMethodDescriptorSupplier("WithdrawBid"))
              .build();
        }
      }
    }
    return getWithdrawBidMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ListBidsRequest,
      tw.jipan.procurement.v1.ListBidsResponse> getListBidsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListBids",
      requestType = tw.jipan.procurement.v1.ListBidsRequest.class,
      responseType = tw.jipan.procurement.v1.ListBidsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ListBidsRequest,
      tw.jipan.procurement.v1.ListBidsResponse> getListBidsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ListBidsRequest, tw.jipan.procurement.v1.ListBidsResponse> getListBidsMethod;
    if ((getListBidsMethod = TenderServiceGrpc.getListBidsMethod) == null) {
      synchronized (TenderServiceGrpc.class) {
        if ((getListBidsMethod = TenderServiceGrpc.getListBidsMethod) == null) {
          TenderServiceGrpc.getListBidsMethod = getListBidsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.ListBidsRequest, tw.jipan.procurement.v1.ListBidsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListBids"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.ListBidsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.ListBidsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TenderServiceMethodDescriptorSupplier("ListBids"))
              .build();
        }
      }
    }
    return getListBidsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.GetSealedBidRequest,
      tw.jipan.procurement.v1.GetSealedBidResponse> getGetSealedBidMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetSealedBid",
      requestType = tw.jipan.procurement.v1.GetSealedBidRequest.class,
      responseType = tw.jipan.procurement.v1.GetSealedBidResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.GetSealedBidRequest,
      tw.jipan.procurement.v1.GetSealedBidResponse> getGetSealedBidMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.GetSealedBidRequest, tw.jipan.procurement.v1.GetSealedBidResponse> getGetSealedBidMethod;
    if ((getGetSealedBidMethod = TenderServiceGrpc.getGetSealedBidMethod) == null) {
      synchronized (TenderServiceGrpc.class) {
        if ((getGetSealedBidMethod = TenderServiceGrpc.getGetSealedBidMethod) == null) {
          TenderServiceGrpc.getGetSealedBidMethod = getGetSealedBidMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.GetSealedBidRequest, tw.jipan.procurement.v1.GetSealedBidResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetSealedBid"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.GetSealedBidRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.GetSealedBidResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TenderServiceMethodDescriptorSupplier("GetSealedBid"))
              .build();
        }
      }
    }
    return getGetSealedBidMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ReleaseSharesRequest,
      tw.jipan.procurement.v1.ReleaseSharesResponse> getReleaseSharesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ReleaseShares",
      requestType = tw.jipan.procurement.v1.ReleaseSharesRequest.class,
      responseType = tw.jipan.procurement.v1.ReleaseSharesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ReleaseSharesRequest,
      tw.jipan.procurement.v1.ReleaseSharesResponse> getReleaseSharesMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ReleaseSharesRequest, tw.jipan.procurement.v1.ReleaseSharesResponse> getReleaseSharesMethod;
    if ((getReleaseSharesMethod = TenderServiceGrpc.getReleaseSharesMethod) == null) {
      synchronized (TenderServiceGrpc.class) {
        if ((getReleaseSharesMethod = TenderServiceGrpc.getReleaseSharesMethod) == null) {
          TenderServiceGrpc.getReleaseSharesMethod = getReleaseSharesMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.ReleaseSharesRequest, tw.jipan.procurement.v1.ReleaseSharesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ReleaseShares"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.ReleaseSharesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.ReleaseSharesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TenderServiceMethodDescriptorSupplier("ReleaseShares"))
              .build();
        }
      }
    }
    return getReleaseSharesMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.OpenBidsRequest,
      tw.jipan.procurement.v1.OpenBidsResponse> getOpenBidsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "OpenBids",
      requestType = tw.jipan.procurement.v1.OpenBidsRequest.class,
      responseType = tw.jipan.procurement.v1.OpenBidsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.OpenBidsRequest,
      tw.jipan.procurement.v1.OpenBidsResponse> getOpenBidsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.OpenBidsRequest, tw.jipan.procurement.v1.OpenBidsResponse> getOpenBidsMethod;
    if ((getOpenBidsMethod = TenderServiceGrpc.getOpenBidsMethod) == null) {
      synchronized (TenderServiceGrpc.class) {
        if ((getOpenBidsMethod = TenderServiceGrpc.getOpenBidsMethod) == null) {
          TenderServiceGrpc.getOpenBidsMethod = getOpenBidsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.OpenBidsRequest, tw.jipan.procurement.v1.OpenBidsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "OpenBids"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.OpenBidsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.OpenBidsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TenderServiceMethodDescriptorSupplier("OpenBids"))
              .build();
        }
      }
    }
    return getOpenBidsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.QualifyBidRequest,
      tw.jipan.procurement.v1.QualifyBidResponse> getQualifyBidMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "QualifyBid",
      requestType = tw.jipan.procurement.v1.QualifyBidRequest.class,
      responseType = tw.jipan.procurement.v1.QualifyBidResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.QualifyBidRequest,
      tw.jipan.procurement.v1.QualifyBidResponse> getQualifyBidMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.QualifyBidRequest, tw.jipan.procurement.v1.QualifyBidResponse> getQualifyBidMethod;
    if ((getQualifyBidMethod = TenderServiceGrpc.getQualifyBidMethod) == null) {
      synchronized (TenderServiceGrpc.class) {
        if ((getQualifyBidMethod = TenderServiceGrpc.getQualifyBidMethod) == null) {
          TenderServiceGrpc.getQualifyBidMethod = getQualifyBidMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.QualifyBidRequest, tw.jipan.procurement.v1.QualifyBidResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "QualifyBid"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.QualifyBidRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.QualifyBidResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TenderServiceMethodDescriptorSupplier("QualifyBid"))
              .build();
        }
      }
    }
    return getQualifyBidMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ScoreBidRequest,
      tw.jipan.procurement.v1.ScoreBidResponse> getScoreBidMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ScoreBid",
      requestType = tw.jipan.procurement.v1.ScoreBidRequest.class,
      responseType = tw.jipan.procurement.v1.ScoreBidResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ScoreBidRequest,
      tw.jipan.procurement.v1.ScoreBidResponse> getScoreBidMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ScoreBidRequest, tw.jipan.procurement.v1.ScoreBidResponse> getScoreBidMethod;
    if ((getScoreBidMethod = TenderServiceGrpc.getScoreBidMethod) == null) {
      synchronized (TenderServiceGrpc.class) {
        if ((getScoreBidMethod = TenderServiceGrpc.getScoreBidMethod) == null) {
          TenderServiceGrpc.getScoreBidMethod = getScoreBidMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.ScoreBidRequest, tw.jipan.procurement.v1.ScoreBidResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ScoreBid"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.ScoreBidRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.ScoreBidResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TenderServiceMethodDescriptorSupplier("ScoreBid"))
              .build();
        }
      }
    }
    return getScoreBidMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.AwardTenderRequest,
      tw.jipan.procurement.v1.AwardTenderResponse> getAwardTenderMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "AwardTender",
      requestType = tw.jipan.procurement.v1.AwardTenderRequest.class,
      responseType = tw.jipan.procurement.v1.AwardTenderResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.AwardTenderRequest,
      tw.jipan.procurement.v1.AwardTenderResponse> getAwardTenderMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.AwardTenderRequest, tw.jipan.procurement.v1.AwardTenderResponse> getAwardTenderMethod;
    if ((getAwardTenderMethod = TenderServiceGrpc.getAwardTenderMethod) == null) {
      synchronized (TenderServiceGrpc.class) {
        if ((getAwardTenderMethod = TenderServiceGrpc.getAwardTenderMethod) == null) {
          TenderServiceGrpc.getAwardTenderMethod = getAwardTenderMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.AwardTenderRequest, tw.jipan.procurement.v1.AwardTenderResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "AwardTender"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.AwardTenderRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.AwardTenderResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TenderServiceMethodDescriptorSupplier("AwardTender"))
              .build();
        }
      }
    }
    return getAwardTenderMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ListTenderEventsRequest,
      tw.jipan.procurement.v1.ListTenderEventsResponse> getListTenderEventsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListTenderEvents",
      requestType = tw.jipan.procurement.v1.ListTenderEventsRequest.class,
      responseType = tw.jipan.procurement.v1.ListTenderEventsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ListTenderEventsRequest,
      tw.jipan.procurement.v1.ListTenderEventsResponse> getListTenderEventsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ListTenderEventsRequest, tw.jipan.procurement.v1.ListTenderEventsResponse> getListTenderEventsMethod;
    if ((getListTenderEventsMethod = TenderServiceGrpc.getListTenderEventsMethod) == null) {
      synchronized (TenderServiceGrpc.class) {
        if ((getListTenderEventsMethod = TenderServiceGrpc.getListTenderEventsMethod) == null) {
          TenderServiceGrpc.getListTenderEventsMethod = getListTenderEventsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.ListTenderEventsRequest, tw.jipan.procurement.v1.ListTenderEventsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListTenderEvents"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.ListTenderEventsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.ListTenderEventsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TenderServiceMethodDescriptorSupplier("ListTenderEvents"))
              .build();
        }
      }
    }
    return getListTenderEventsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ExportTenderReleaseRequest,
      tw.jipan.procurement.v1.ExportTenderReleaseResponse> getExportTenderReleaseMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ExportTenderRelease",
      requestType = tw.jipan.procurement.v1.ExportTenderReleaseRequest.class,
      responseType = tw.jipan.procurement.v1.ExportTenderReleaseResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ExportTenderReleaseRequest,
      tw.jipan.procurement.v1.ExportTenderReleaseResponse> getExportTenderReleaseMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ExportTenderReleaseRequest, tw.jipan.procurement.v1.ExportTenderReleaseResponse> getExportTenderReleaseMethod;
    if ((getExportTenderReleaseMethod = TenderServiceGrpc.getExportTenderReleaseMethod) == null) {
      synchronized (TenderServiceGrpc.class) {
        if ((getExportTenderReleaseMethod = TenderServiceGrpc.getExportTenderReleaseMethod) == null) {
          TenderServiceGrpc.getExportTenderReleaseMethod = getExportTenderReleaseMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.ExportTenderReleaseRequest, tw.jipan.procurement.v1.ExportTenderReleaseResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ExportTenderRelease"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.ExportTenderReleaseRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.ExportTenderReleaseResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TenderServiceMethodDescriptorSupplier("ExportTenderRelease"))
              .build();
        }
      }
    }
    return getExportTenderReleaseMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static TenderServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<TenderServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<TenderServiceStub>() {
        @java.lang.Override
        public TenderServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new TenderServiceStub(channel, callOptions);
        }
      };
    return TenderServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static TenderServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<TenderServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<TenderServiceBlockingStub>() {
        @java.lang.Override
        public TenderServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new TenderServiceBlockingStub(channel, callOptions);
        }
      };
    return TenderServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static TenderServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<TenderServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<TenderServiceFutureStub>() {
        @java.lang.Override
        public TenderServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new TenderServiceFutureStub(channel, callOptions);
        }
      };
    return TenderServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Electronic tendering with sealed bids (電子領標、投標、開標、決標). A bid is
   * encrypted on the vendor's side to the tender's evaluation committee with a
   * k-of-n threshold, so nobody — an operator with full database and object
   * store access included — can read it before the opening, and no single
   * member can open it alone. Each bid's commitment is anchored on the ledger at
   * submission; at opening, k members release their shares, bids decrypt and
   * their commitments are checked against the anchors. Then qualification,
   * scoring, award and the contract; every step is in the audit trail.
   * </pre>
   */
  public static abstract class TenderServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Publishes a tender of the caller's agency; bids are accepted at once.
     * </pre>
     */
    public void createTender(tw.jipan.procurement.v1.CreateTenderRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.CreateTenderResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateTenderMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one tender (tenders are public notices).
     * </pre>
     */
    public void getTender(tw.jipan.procurement.v1.GetTenderRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.GetTenderResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetTenderMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists tenders, newest first, optionally of one agency.
     * </pre>
     */
    public void listTenders(tw.jipan.procurement.v1.ListTendersRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ListTendersResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListTendersMethod(), responseObserver);
    }

    /**
     * <pre>
     * Submits a bid sealed on the vendor's side to the tender's committee
     * (clients/sealing.py). Its commitment is anchored on the ledger and the
     * receipt returned. Refused after the deadline.
     * </pre>
     */
    public void submitBid(tw.jipan.procurement.v1.SubmitBidRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.SubmitBidResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getSubmitBidMethod(), responseObserver);
    }

    /**
     * <pre>
     * For clients that cannot seal (a browser without the sealing code): the
     * server seals `content` to the tender's committee exactly as
     * clients/sealing.py would, then proceeds as SubmitBid. Weaker: the server
     * process sees the plaintext once, in memory, at submission (an operator who
     * controls the running server at that moment could read it); at rest the
     * guarantee is SubmitBid's. The bid records that it was sealed by the server.
     * </pre>
     */
    public void sealAndSubmitBid(tw.jipan.procurement.v1.SealAndSubmitBidRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.SealAndSubmitBidResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getSealAndSubmitBidMethod(), responseObserver);
    }

    /**
     * <pre>
     * Withdraws the caller's bid before the deadline (recorded).
     * </pre>
     */
    public void withdrawBid(tw.jipan.procurement.v1.WithdrawBidRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.WithdrawBidResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getWithdrawBidMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists a tender's bids: a bidder sees its own; the tendering agency and
     * the committee see all (contents only after opening); anyone else sees
     * what the OCDS release publishes, once published: after the award, the
     * opened bids with bidder, lots, price and qualification (no proposal,
     * scores, notes, commitment or receipt).
     * </pre>
     */
    public void listBids(tw.jipan.procurement.v1.ListBidsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ListBidsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListBidsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns a bid's sealed bytes (ciphertext and the shares sealed to each
     * member): what a committee member unseals their share from
     * (clients/sealing.py unseal_share) before releasing it. For the committee,
     * the tendering agency and the bidder.
     * </pre>
     */
    public void getSealedBid(tw.jipan.procurement.v1.GetSealedBidRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.GetSealedBidResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetSealedBidMethod(), responseObserver);
    }

    /**
     * <pre>
     * A committee member releases their shares of the tender's bids (each
     * unsealed on the member's side with their private key), from the opening
     * time on. Each share is checked against the sealed bid.
     * </pre>
     */
    public void releaseShares(tw.jipan.procurement.v1.ReleaseSharesRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ReleaseSharesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getReleaseSharesMethod(), responseObserver);
    }

    /**
     * <pre>
     * Opens every bid with at least `threshold` released shares: checks its
     * commitment against the ledger's anchor, decrypts it and discloses its
     * content. Bids still short of shares stay sealed (see the response).
     * </pre>
     */
    public void openBids(tw.jipan.procurement.v1.OpenBidsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.OpenBidsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getOpenBidsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Records the qualification review of an opened bid.
     * </pre>
     */
    public void qualifyBid(tw.jipan.procurement.v1.QualifyBidRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.QualifyBidResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getQualifyBidMethod(), responseObserver);
    }

    /**
     * <pre>
     * A committee member scores an opened, qualified bid on every criterion
     * (most-advantageous tenders); scoring again replaces the member's scores.
     * </pre>
     */
    public void scoreBid(tw.jipan.procurement.v1.ScoreBidRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ScoreBidResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getScoreBidMethod(), responseObserver);
    }

    /**
     * <pre>
     * Awards the tender to the best qualified bid by its award method and
     * records the contract.
     * </pre>
     */
    public void awardTender(tw.jipan.procurement.v1.AwardTenderRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.AwardTenderResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getAwardTenderMethod(), responseObserver);
    }

    /**
     * <pre>
     * The tender's audit trail, oldest first, with the visibility of the bids
     * it describes (ListBids): a bidder sees its own bids' events; the agency
     * and the committee see all; anyone else sees the notice (TENDER_CREATED)
     * and, after the award, the events of the published bids and the award, as
     * the OCDS release publishes them (no actor, only its details). A page may
     * hold fewer events than `page_size` before the last.
     * </pre>
     */
    public void listTenderEvents(tw.jipan.procurement.v1.ListTenderEventsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ListTenderEventsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListTenderEventsMethod(), responseObserver);
    }

    /**
     * <pre>
     * The tender's contracting process as an OCDS 1.1 release package (with
     * the bids and lots extensions), validated against the OCDS schema. No
     * personal data: organisations only.
     * </pre>
     */
    public void exportTenderRelease(tw.jipan.procurement.v1.ExportTenderReleaseRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ExportTenderReleaseResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getExportTenderReleaseMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getCreateTenderMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.CreateTenderRequest,
                tw.jipan.procurement.v1.CreateTenderResponse>(
                  this, METHODID_CREATE_TENDER)))
          .addMethod(
            getGetTenderMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.GetTenderRequest,
                tw.jipan.procurement.v1.GetTenderResponse>(
                  this, METHODID_GET_TENDER)))
          .addMethod(
            getListTendersMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.ListTendersRequest,
                tw.jipan.procurement.v1.ListTendersResponse>(
                  this, METHODID_LIST_TENDERS)))
          .addMethod(
            getSubmitBidMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.SubmitBidRequest,
                tw.jipan.procurement.v1.SubmitBidResponse>(
                  this, METHODID_SUBMIT_BID)))
          .addMethod(
            getSealAndSubmitBidMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.SealAndSubmitBidRequest,
                tw.jipan.procurement.v1.SealAndSubmitBidResponse>(
                  this, METHODID_SEAL_AND_SUBMIT_BID)))
          .addMethod(
            getWithdrawBidMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.WithdrawBidRequest,
                tw.jipan.procurement.v1.WithdrawBidResponse>(
                  this, METHODID_WITHDRAW_BID)))
          .addMethod(
            getListBidsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.ListBidsRequest,
                tw.jipan.procurement.v1.ListBidsResponse>(
                  this, METHODID_LIST_BIDS)))
          .addMethod(
            getGetSealedBidMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.GetSealedBidRequest,
                tw.jipan.procurement.v1.GetSealedBidResponse>(
                  this, METHODID_GET_SEALED_BID)))
          .addMethod(
            getReleaseSharesMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.ReleaseSharesRequest,
                tw.jipan.procurement.v1.ReleaseSharesResponse>(
                  this, METHODID_RELEASE_SHARES)))
          .addMethod(
            getOpenBidsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.OpenBidsRequest,
                tw.jipan.procurement.v1.OpenBidsResponse>(
                  this, METHODID_OPEN_BIDS)))
          .addMethod(
            getQualifyBidMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.QualifyBidRequest,
                tw.jipan.procurement.v1.QualifyBidResponse>(
                  this, METHODID_QUALIFY_BID)))
          .addMethod(
            getScoreBidMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.ScoreBidRequest,
                tw.jipan.procurement.v1.ScoreBidResponse>(
                  this, METHODID_SCORE_BID)))
          .addMethod(
            getAwardTenderMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.AwardTenderRequest,
                tw.jipan.procurement.v1.AwardTenderResponse>(
                  this, METHODID_AWARD_TENDER)))
          .addMethod(
            getListTenderEventsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.ListTenderEventsRequest,
                tw.jipan.procurement.v1.ListTenderEventsResponse>(
                  this, METHODID_LIST_TENDER_EVENTS)))
          .addMethod(
            getExportTenderReleaseMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.ExportTenderReleaseRequest,
                tw.jipan.procurement.v1.ExportTenderReleaseResponse>(
                  this, METHODID_EXPORT_TENDER_RELEASE)))
          .build();
    }
  }

  /**
   * <pre>
   * Electronic tendering with sealed bids (電子領標、投標、開標、決標). A bid is
   * encrypted on the vendor's side to the tender's evaluation committee with a
   * k-of-n threshold, so nobody — an operator with full database and object
   * store access included — can read it before the opening, and no single
   * member can open it alone. Each bid's commitment is anchored on the ledger at
   * submission; at opening, k members release their shares, bids decrypt and
   * their commitments are checked against the anchors. Then qualification,
   * scoring, award and the contract; every step is in the audit trail.
   * </pre>
   */
  public static final class TenderServiceStub extends io.grpc.stub.AbstractAsyncStub<TenderServiceStub> {
    private TenderServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected TenderServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new TenderServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Publishes a tender of the caller's agency; bids are accepted at once.
     * </pre>
     */
    public void createTender(tw.jipan.procurement.v1.CreateTenderRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.CreateTenderResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateTenderMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one tender (tenders are public notices).
     * </pre>
     */
    public void getTender(tw.jipan.procurement.v1.GetTenderRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.GetTenderResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetTenderMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists tenders, newest first, optionally of one agency.
     * </pre>
     */
    public void listTenders(tw.jipan.procurement.v1.ListTendersRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ListTendersResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListTendersMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Submits a bid sealed on the vendor's side to the tender's committee
     * (clients/sealing.py). Its commitment is anchored on the ledger and the
     * receipt returned. Refused after the deadline.
     * </pre>
     */
    public void submitBid(tw.jipan.procurement.v1.SubmitBidRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.SubmitBidResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getSubmitBidMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * For clients that cannot seal (a browser without the sealing code): the
     * server seals `content` to the tender's committee exactly as
     * clients/sealing.py would, then proceeds as SubmitBid. Weaker: the server
     * process sees the plaintext once, in memory, at submission (an operator who
     * controls the running server at that moment could read it); at rest the
     * guarantee is SubmitBid's. The bid records that it was sealed by the server.
     * </pre>
     */
    public void sealAndSubmitBid(tw.jipan.procurement.v1.SealAndSubmitBidRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.SealAndSubmitBidResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getSealAndSubmitBidMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Withdraws the caller's bid before the deadline (recorded).
     * </pre>
     */
    public void withdrawBid(tw.jipan.procurement.v1.WithdrawBidRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.WithdrawBidResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getWithdrawBidMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists a tender's bids: a bidder sees its own; the tendering agency and
     * the committee see all (contents only after opening); anyone else sees
     * what the OCDS release publishes, once published: after the award, the
     * opened bids with bidder, lots, price and qualification (no proposal,
     * scores, notes, commitment or receipt).
     * </pre>
     */
    public void listBids(tw.jipan.procurement.v1.ListBidsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ListBidsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListBidsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns a bid's sealed bytes (ciphertext and the shares sealed to each
     * member): what a committee member unseals their share from
     * (clients/sealing.py unseal_share) before releasing it. For the committee,
     * the tendering agency and the bidder.
     * </pre>
     */
    public void getSealedBid(tw.jipan.procurement.v1.GetSealedBidRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.GetSealedBidResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetSealedBidMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * A committee member releases their shares of the tender's bids (each
     * unsealed on the member's side with their private key), from the opening
     * time on. Each share is checked against the sealed bid.
     * </pre>
     */
    public void releaseShares(tw.jipan.procurement.v1.ReleaseSharesRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ReleaseSharesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getReleaseSharesMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Opens every bid with at least `threshold` released shares: checks its
     * commitment against the ledger's anchor, decrypts it and discloses its
     * content. Bids still short of shares stay sealed (see the response).
     * </pre>
     */
    public void openBids(tw.jipan.procurement.v1.OpenBidsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.OpenBidsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getOpenBidsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Records the qualification review of an opened bid.
     * </pre>
     */
    public void qualifyBid(tw.jipan.procurement.v1.QualifyBidRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.QualifyBidResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getQualifyBidMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * A committee member scores an opened, qualified bid on every criterion
     * (most-advantageous tenders); scoring again replaces the member's scores.
     * </pre>
     */
    public void scoreBid(tw.jipan.procurement.v1.ScoreBidRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ScoreBidResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getScoreBidMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Awards the tender to the best qualified bid by its award method and
     * records the contract.
     * </pre>
     */
    public void awardTender(tw.jipan.procurement.v1.AwardTenderRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.AwardTenderResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getAwardTenderMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * The tender's audit trail, oldest first, with the visibility of the bids
     * it describes (ListBids): a bidder sees its own bids' events; the agency
     * and the committee see all; anyone else sees the notice (TENDER_CREATED)
     * and, after the award, the events of the published bids and the award, as
     * the OCDS release publishes them (no actor, only its details). A page may
     * hold fewer events than `page_size` before the last.
     * </pre>
     */
    public void listTenderEvents(tw.jipan.procurement.v1.ListTenderEventsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ListTenderEventsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListTenderEventsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * The tender's contracting process as an OCDS 1.1 release package (with
     * the bids and lots extensions), validated against the OCDS schema. No
     * personal data: organisations only.
     * </pre>
     */
    public void exportTenderRelease(tw.jipan.procurement.v1.ExportTenderReleaseRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ExportTenderReleaseResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getExportTenderReleaseMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * Electronic tendering with sealed bids (電子領標、投標、開標、決標). A bid is
   * encrypted on the vendor's side to the tender's evaluation committee with a
   * k-of-n threshold, so nobody — an operator with full database and object
   * store access included — can read it before the opening, and no single
   * member can open it alone. Each bid's commitment is anchored on the ledger at
   * submission; at opening, k members release their shares, bids decrypt and
   * their commitments are checked against the anchors. Then qualification,
   * scoring, award and the contract; every step is in the audit trail.
   * </pre>
   */
  public static final class TenderServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<TenderServiceBlockingStub> {
    private TenderServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected TenderServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new TenderServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Publishes a tender of the caller's agency; bids are accepted at once.
     * </pre>
     */
    public tw.jipan.procurement.v1.CreateTenderResponse createTender(tw.jipan.procurement.v1.CreateTenderRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateTenderMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one tender (tenders are public notices).
     * </pre>
     */
    public tw.jipan.procurement.v1.GetTenderResponse getTender(tw.jipan.procurement.v1.GetTenderRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetTenderMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists tenders, newest first, optionally of one agency.
     * </pre>
     */
    public tw.jipan.procurement.v1.ListTendersResponse listTenders(tw.jipan.procurement.v1.ListTendersRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListTendersMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Submits a bid sealed on the vendor's side to the tender's committee
     * (clients/sealing.py). Its commitment is anchored on the ledger and the
     * receipt returned. Refused after the deadline.
     * </pre>
     */
    public tw.jipan.procurement.v1.SubmitBidResponse submitBid(tw.jipan.procurement.v1.SubmitBidRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getSubmitBidMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * For clients that cannot seal (a browser without the sealing code): the
     * server seals `content` to the tender's committee exactly as
     * clients/sealing.py would, then proceeds as SubmitBid. Weaker: the server
     * process sees the plaintext once, in memory, at submission (an operator who
     * controls the running server at that moment could read it); at rest the
     * guarantee is SubmitBid's. The bid records that it was sealed by the server.
     * </pre>
     */
    public tw.jipan.procurement.v1.SealAndSubmitBidResponse sealAndSubmitBid(tw.jipan.procurement.v1.SealAndSubmitBidRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getSealAndSubmitBidMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Withdraws the caller's bid before the deadline (recorded).
     * </pre>
     */
    public tw.jipan.procurement.v1.WithdrawBidResponse withdrawBid(tw.jipan.procurement.v1.WithdrawBidRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getWithdrawBidMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists a tender's bids: a bidder sees its own; the tendering agency and
     * the committee see all (contents only after opening); anyone else sees
     * what the OCDS release publishes, once published: after the award, the
     * opened bids with bidder, lots, price and qualification (no proposal,
     * scores, notes, commitment or receipt).
     * </pre>
     */
    public tw.jipan.procurement.v1.ListBidsResponse listBids(tw.jipan.procurement.v1.ListBidsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListBidsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns a bid's sealed bytes (ciphertext and the shares sealed to each
     * member): what a committee member unseals their share from
     * (clients/sealing.py unseal_share) before releasing it. For the committee,
     * the tendering agency and the bidder.
     * </pre>
     */
    public tw.jipan.procurement.v1.GetSealedBidResponse getSealedBid(tw.jipan.procurement.v1.GetSealedBidRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetSealedBidMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * A committee member releases their shares of the tender's bids (each
     * unsealed on the member's side with their private key), from the opening
     * time on. Each share is checked against the sealed bid.
     * </pre>
     */
    public tw.jipan.procurement.v1.ReleaseSharesResponse releaseShares(tw.jipan.procurement.v1.ReleaseSharesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getReleaseSharesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Opens every bid with at least `threshold` released shares: checks its
     * commitment against the ledger's anchor, decrypts it and discloses its
     * content. Bids still short of shares stay sealed (see the response).
     * </pre>
     */
    public tw.jipan.procurement.v1.OpenBidsResponse openBids(tw.jipan.procurement.v1.OpenBidsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getOpenBidsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Records the qualification review of an opened bid.
     * </pre>
     */
    public tw.jipan.procurement.v1.QualifyBidResponse qualifyBid(tw.jipan.procurement.v1.QualifyBidRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getQualifyBidMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * A committee member scores an opened, qualified bid on every criterion
     * (most-advantageous tenders); scoring again replaces the member's scores.
     * </pre>
     */
    public tw.jipan.procurement.v1.ScoreBidResponse scoreBid(tw.jipan.procurement.v1.ScoreBidRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getScoreBidMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Awards the tender to the best qualified bid by its award method and
     * records the contract.
     * </pre>
     */
    public tw.jipan.procurement.v1.AwardTenderResponse awardTender(tw.jipan.procurement.v1.AwardTenderRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getAwardTenderMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The tender's audit trail, oldest first, with the visibility of the bids
     * it describes (ListBids): a bidder sees its own bids' events; the agency
     * and the committee see all; anyone else sees the notice (TENDER_CREATED)
     * and, after the award, the events of the published bids and the award, as
     * the OCDS release publishes them (no actor, only its details). A page may
     * hold fewer events than `page_size` before the last.
     * </pre>
     */
    public tw.jipan.procurement.v1.ListTenderEventsResponse listTenderEvents(tw.jipan.procurement.v1.ListTenderEventsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListTenderEventsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The tender's contracting process as an OCDS 1.1 release package (with
     * the bids and lots extensions), validated against the OCDS schema. No
     * personal data: organisations only.
     * </pre>
     */
    public tw.jipan.procurement.v1.ExportTenderReleaseResponse exportTenderRelease(tw.jipan.procurement.v1.ExportTenderReleaseRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getExportTenderReleaseMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * Electronic tendering with sealed bids (電子領標、投標、開標、決標). A bid is
   * encrypted on the vendor's side to the tender's evaluation committee with a
   * k-of-n threshold, so nobody — an operator with full database and object
   * store access included — can read it before the opening, and no single
   * member can open it alone. Each bid's commitment is anchored on the ledger at
   * submission; at opening, k members release their shares, bids decrypt and
   * their commitments are checked against the anchors. Then qualification,
   * scoring, award and the contract; every step is in the audit trail.
   * </pre>
   */
  public static final class TenderServiceFutureStub extends io.grpc.stub.AbstractFutureStub<TenderServiceFutureStub> {
    private TenderServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected TenderServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new TenderServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Publishes a tender of the caller's agency; bids are accepted at once.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.CreateTenderResponse> createTender(
        tw.jipan.procurement.v1.CreateTenderRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateTenderMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one tender (tenders are public notices).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.GetTenderResponse> getTender(
        tw.jipan.procurement.v1.GetTenderRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetTenderMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists tenders, newest first, optionally of one agency.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.ListTendersResponse> listTenders(
        tw.jipan.procurement.v1.ListTendersRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListTendersMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Submits a bid sealed on the vendor's side to the tender's committee
     * (clients/sealing.py). Its commitment is anchored on the ledger and the
     * receipt returned. Refused after the deadline.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.SubmitBidResponse> submitBid(
        tw.jipan.procurement.v1.SubmitBidRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getSubmitBidMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * For clients that cannot seal (a browser without the sealing code): the
     * server seals `content` to the tender's committee exactly as
     * clients/sealing.py would, then proceeds as SubmitBid. Weaker: the server
     * process sees the plaintext once, in memory, at submission (an operator who
     * controls the running server at that moment could read it); at rest the
     * guarantee is SubmitBid's. The bid records that it was sealed by the server.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.SealAndSubmitBidResponse> sealAndSubmitBid(
        tw.jipan.procurement.v1.SealAndSubmitBidRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getSealAndSubmitBidMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Withdraws the caller's bid before the deadline (recorded).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.WithdrawBidResponse> withdrawBid(
        tw.jipan.procurement.v1.WithdrawBidRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getWithdrawBidMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists a tender's bids: a bidder sees its own; the tendering agency and
     * the committee see all (contents only after opening); anyone else sees
     * what the OCDS release publishes, once published: after the award, the
     * opened bids with bidder, lots, price and qualification (no proposal,
     * scores, notes, commitment or receipt).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.ListBidsResponse> listBids(
        tw.jipan.procurement.v1.ListBidsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListBidsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns a bid's sealed bytes (ciphertext and the shares sealed to each
     * member): what a committee member unseals their share from
     * (clients/sealing.py unseal_share) before releasing it. For the committee,
     * the tendering agency and the bidder.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.GetSealedBidResponse> getSealedBid(
        tw.jipan.procurement.v1.GetSealedBidRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetSealedBidMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * A committee member releases their shares of the tender's bids (each
     * unsealed on the member's side with their private key), from the opening
     * time on. Each share is checked against the sealed bid.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.ReleaseSharesResponse> releaseShares(
        tw.jipan.procurement.v1.ReleaseSharesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getReleaseSharesMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Opens every bid with at least `threshold` released shares: checks its
     * commitment against the ledger's anchor, decrypts it and discloses its
     * content. Bids still short of shares stay sealed (see the response).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.OpenBidsResponse> openBids(
        tw.jipan.procurement.v1.OpenBidsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getOpenBidsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Records the qualification review of an opened bid.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.QualifyBidResponse> qualifyBid(
        tw.jipan.procurement.v1.QualifyBidRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getQualifyBidMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * A committee member scores an opened, qualified bid on every criterion
     * (most-advantageous tenders); scoring again replaces the member's scores.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.ScoreBidResponse> scoreBid(
        tw.jipan.procurement.v1.ScoreBidRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getScoreBidMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Awards the tender to the best qualified bid by its award method and
     * records the contract.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.AwardTenderResponse> awardTender(
        tw.jipan.procurement.v1.AwardTenderRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getAwardTenderMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * The tender's audit trail, oldest first, with the visibility of the bids
     * it describes (ListBids): a bidder sees its own bids' events; the agency
     * and the committee see all; anyone else sees the notice (TENDER_CREATED)
     * and, after the award, the events of the published bids and the award, as
     * the OCDS release publishes them (no actor, only its details). A page may
     * hold fewer events than `page_size` before the last.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.ListTenderEventsResponse> listTenderEvents(
        tw.jipan.procurement.v1.ListTenderEventsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListTenderEventsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * The tender's contracting process as an OCDS 1.1 release package (with
     * the bids and lots extensions), validated against the OCDS schema. No
     * personal data: organisations only.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.ExportTenderReleaseResponse> exportTenderRelease(
        tw.jipan.procurement.v1.ExportTenderReleaseRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getExportTenderReleaseMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_TENDER = 0;
  private static final int METHODID_GET_TENDER = 1;
  private static final int METHODID_LIST_TENDERS = 2;
  private static final int METHODID_SUBMIT_BID = 3;
  private static final int METHODID_SEAL_AND_SUBMIT_BID = 4;
  private static final int METHODID_WITHDRAW_BID = 5;
  private static final int METHODID_LIST_BIDS = 6;
  private static final int METHODID_GET_SEALED_BID = 7;
  private static final int METHODID_RELEASE_SHARES = 8;
  private static final int METHODID_OPEN_BIDS = 9;
  private static final int METHODID_QUALIFY_BID = 10;
  private static final int METHODID_SCORE_BID = 11;
  private static final int METHODID_AWARD_TENDER = 12;
  private static final int METHODID_LIST_TENDER_EVENTS = 13;
  private static final int METHODID_EXPORT_TENDER_RELEASE = 14;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final TenderServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(TenderServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_CREATE_TENDER:
          serviceImpl.createTender((tw.jipan.procurement.v1.CreateTenderRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.CreateTenderResponse>) responseObserver);
          break;
        case METHODID_GET_TENDER:
          serviceImpl.getTender((tw.jipan.procurement.v1.GetTenderRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.GetTenderResponse>) responseObserver);
          break;
        case METHODID_LIST_TENDERS:
          serviceImpl.listTenders((tw.jipan.procurement.v1.ListTendersRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ListTendersResponse>) responseObserver);
          break;
        case METHODID_SUBMIT_BID:
          serviceImpl.submitBid((tw.jipan.procurement.v1.SubmitBidRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.SubmitBidResponse>) responseObserver);
          break;
        case METHODID_SEAL_AND_SUBMIT_BID:
          serviceImpl.sealAndSubmitBid((tw.jipan.procurement.v1.SealAndSubmitBidRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.SealAndSubmitBidResponse>) responseObserver);
          break;
        case METHODID_WITHDRAW_BID:
          serviceImpl.withdrawBid((tw.jipan.procurement.v1.WithdrawBidRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.WithdrawBidResponse>) responseObserver);
          break;
        case METHODID_LIST_BIDS:
          serviceImpl.listBids((tw.jipan.procurement.v1.ListBidsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ListBidsResponse>) responseObserver);
          break;
        case METHODID_GET_SEALED_BID:
          serviceImpl.getSealedBid((tw.jipan.procurement.v1.GetSealedBidRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.GetSealedBidResponse>) responseObserver);
          break;
        case METHODID_RELEASE_SHARES:
          serviceImpl.releaseShares((tw.jipan.procurement.v1.ReleaseSharesRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ReleaseSharesResponse>) responseObserver);
          break;
        case METHODID_OPEN_BIDS:
          serviceImpl.openBids((tw.jipan.procurement.v1.OpenBidsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.OpenBidsResponse>) responseObserver);
          break;
        case METHODID_QUALIFY_BID:
          serviceImpl.qualifyBid((tw.jipan.procurement.v1.QualifyBidRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.QualifyBidResponse>) responseObserver);
          break;
        case METHODID_SCORE_BID:
          serviceImpl.scoreBid((tw.jipan.procurement.v1.ScoreBidRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ScoreBidResponse>) responseObserver);
          break;
        case METHODID_AWARD_TENDER:
          serviceImpl.awardTender((tw.jipan.procurement.v1.AwardTenderRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.AwardTenderResponse>) responseObserver);
          break;
        case METHODID_LIST_TENDER_EVENTS:
          serviceImpl.listTenderEvents((tw.jipan.procurement.v1.ListTenderEventsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ListTenderEventsResponse>) responseObserver);
          break;
        case METHODID_EXPORT_TENDER_RELEASE:
          serviceImpl.exportTenderRelease((tw.jipan.procurement.v1.ExportTenderReleaseRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ExportTenderReleaseResponse>) responseObserver);
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

  private static abstract class TenderServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    TenderServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.procurement.v1.TenderServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("TenderService");
    }
  }

  private static final class TenderServiceFileDescriptorSupplier
      extends TenderServiceBaseDescriptorSupplier {
    TenderServiceFileDescriptorSupplier() {}
  }

  private static final class TenderServiceMethodDescriptorSupplier
      extends TenderServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    TenderServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (TenderServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new TenderServiceFileDescriptorSupplier())
              .addMethod(getCreateTenderMethod())
              .addMethod(getGetTenderMethod())
              .addMethod(getListTendersMethod())
              .addMethod(getSubmitBidMethod())
              .addMethod(getSealAndSubmitBidMethod())
              .addMethod(getWithdrawBidMethod())
              .addMethod(getListBidsMethod())
              .addMethod(getGetSealedBidMethod())
              .addMethod(getReleaseSharesMethod())
              .addMethod(getOpenBidsMethod())
              .addMethod(getQualifyBidMethod())
              .addMethod(getScoreBidMethod())
              .addMethod(getAwardTenderMethod())
              .addMethod(getListTenderEventsMethod())
              .addMethod(getExportTenderReleaseMethod())
              .build();
        }
      }
    }
    return result;
  }
}
