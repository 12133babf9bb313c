package tw.jipan.factcheck.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * The shared fact-check base: organisations write fact-checks (drafts of
 * their own until published), import them from ClaimReview JSON-LD and
 * Cofacts' open data, and publish them; anyone searches and exports the
 * published ones as ClaimReview; callers ask whether a claim has been
 * checked (MatchClaims: hybrid lexical and multilingual dense retrieval,
 * a calibrated score and an explicit no-match).
 * A draft is visible only to its organisation; another organisation's
 * draft is NOT_FOUND. Published fact-checks are public.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/factcheck/v1/factcheck_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class FactCheckServiceGrpc {

  private FactCheckServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.factcheck.v1.FactCheckService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.CreateFactCheckRequest,
      tw.jipan.factcheck.v1.CreateFactCheckResponse> getCreateFactCheckMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateFactCheck",
      requestType = tw.jipan.factcheck.v1.CreateFactCheckRequest.class,
      responseType = tw.jipan.factcheck.v1.CreateFactCheckResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.CreateFactCheckRequest,
      tw.jipan.factcheck.v1.CreateFactCheckResponse> getCreateFactCheckMethod() {
    io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.CreateFactCheckRequest, tw.jipan.factcheck.v1.CreateFactCheckResponse> getCreateFactCheckMethod;
    if ((getCreateFactCheckMethod = FactCheckServiceGrpc.getCreateFactCheckMethod) == null) {
      synchronized (FactCheckServiceGrpc.class) {
        if ((getCreateFactCheckMethod = FactCheckServiceGrpc.getCreateFactCheckMethod) == null) {
          FactCheckServiceGrpc.getCreateFactCheckMethod = getCreateFactCheckMethod =
              io.grpc.MethodDescriptor.<tw.jipan.factcheck.v1.CreateFactCheckRequest, tw.jipan.factcheck.v1.CreateFactCheckResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateFactCheck"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.CreateFactCheckRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.CreateFactCheckResponse.getDefaultInstance()))
              .setSchemaDescriptor(new FactCheckServiceMethodDescriptorSupplier("CreateFactCheck"))
              .build();
        }
      }
    }
    return getCreateFactCheckMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.GetFactCheckRequest,
      tw.jipan.factcheck.v1.GetFactCheckResponse> getGetFactCheckMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetFactCheck",
      requestType = tw.jipan.factcheck.v1.GetFactCheckRequest.class,
      responseType = tw.jipan.factcheck.v1.GetFactCheckResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.GetFactCheckRequest,
      tw.jipan.factcheck.v1.GetFactCheckResponse> getGetFactCheckMethod() {
    io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.GetFactCheckRequest, tw.jipan.factcheck.v1.GetFactCheckResponse> getGetFactCheckMethod;
    if ((getGetFactCheckMethod = FactCheckServiceGrpc.getGetFactCheckMethod) == null) {
      synchronized (FactCheckServiceGrpc.class) {
        if ((getGetFactCheckMethod = FactCheckServiceGrpc.getGetFactCheckMethod) == null) {
          FactCheckServiceGrpc.getGetFactCheckMethod = getGetFactCheckMethod =
              io.grpc.MethodDescriptor.<tw.jipan.factcheck.v1.GetFactCheckRequest, tw.jipan.factcheck.v1.GetFactCheckResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetFactCheck"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.GetFactCheckRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.GetFactCheckResponse.getDefaultInstance()))
              .setSchemaDescriptor(new FactCheckServiceMethodDescriptorSupplier("GetFactCheck"))
              .build();
        }
      }
    }
    return getGetFactCheckMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.ListFactChecksRequest,
      tw.jipan.factcheck.v1.ListFactChecksResponse> getListFactChecksMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListFactChecks",
      requestType = tw.jipan.factcheck.v1.ListFactChecksRequest.class,
      responseType = tw.jipan.factcheck.v1.ListFactChecksResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.ListFactChecksRequest,
      tw.jipan.factcheck.v1.ListFactChecksResponse> getListFactChecksMethod() {
    io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.ListFactChecksRequest, tw.jipan.factcheck.v1.ListFactChecksResponse> getListFactChecksMethod;
    if ((getListFactChecksMethod = FactCheckServiceGrpc.getListFactChecksMethod) == null) {
      synchronized (FactCheckServiceGrpc.class) {
        if ((getListFactChecksMethod = FactCheckServiceGrpc.getListFactChecksMethod) == null) {
          FactCheckServiceGrpc.getListFactChecksMethod = getListFactChecksMethod =
              io.grpc.MethodDescriptor.<tw.jipan.factcheck.v1.ListFactChecksRequest, tw.jipan.factcheck.v1.ListFactChecksResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListFactChecks"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.ListFactChecksRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.ListFactChecksResponse.getDefaultInstance()))
              .setSchemaDescriptor(new FactCheckServiceMethodDescriptorSupplier("ListFactChecks"))
              .build();
        }
      }
    }
    return getListFactChecksMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.UpdateFactCheckRequest,
      tw.jipan.factcheck.v1.UpdateFactCheckResponse> getUpdateFactCheckMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateFactCheck",
      requestType = tw.jipan.factcheck.v1.UpdateFactCheckRequest.class,
      responseType = tw.jipan.factcheck.v1.UpdateFactCheckResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.UpdateFactCheckRequest,
      tw.jipan.factcheck.v1.UpdateFactCheckResponse> getUpdateFactCheckMethod() {
    io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.UpdateFactCheckRequest, tw.jipan.factcheck.v1.UpdateFactCheckResponse> getUpdateFactCheckMethod;
    if ((getUpdateFactCheckMethod = FactCheckServiceGrpc.getUpdateFactCheckMethod) == null) {
      synchronized (FactCheckServiceGrpc.class) {
        if ((getUpdateFactCheckMethod = FactCheckServiceGrpc.getUpdateFactCheckMethod) == null) {
          FactCheckServiceGrpc.getUpdateFactCheckMethod = getUpdateFactCheckMethod =
              io.grpc.MethodDescriptor.<tw.jipan.factcheck.v1.UpdateFactCheckRequest, tw.jipan.factcheck.v1.UpdateFactCheckResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateFactCheck"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.UpdateFactCheckRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.UpdateFactCheckResponse.getDefaultInstance()))
              .setSchemaDescriptor(new FactCheckServiceMethodDescriptorSupplier("UpdateFactCheck"))
              .build();
        }
      }
    }
    return getUpdateFactCheckMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.PublishFactCheckRequest,
      tw.jipan.factcheck.v1.PublishFactCheckResponse> getPublishFactCheckMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "PublishFactCheck",
      requestType = tw.jipan.factcheck.v1.PublishFactCheckRequest.class,
      responseType = tw.jipan.factcheck.v1.PublishFactCheckResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.PublishFactCheckRequest,
      tw.jipan.factcheck.v1.PublishFactCheckResponse> getPublishFactCheckMethod() {
    io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.PublishFactCheckRequest, tw.jipan.factcheck.v1.PublishFactCheckResponse> getPublishFactCheckMethod;
    if ((getPublishFactCheckMethod = FactCheckServiceGrpc.getPublishFactCheckMethod) == null) {
      synchronized (FactCheckServiceGrpc.class) {
        if ((getPublishFactCheckMethod = FactCheckServiceGrpc.getPublishFactCheckMethod) == null) {
          FactCheckServiceGrpc.getPublishFactCheckMethod = getPublishFactCheckMethod =
              io.grpc.MethodDescriptor.<tw.jipan.factcheck.v1.PublishFactCheckRequest, tw.jipan.factcheck.v1.PublishFactCheckResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "PublishFactCheck"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.PublishFactCheckRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.PublishFactCheckResponse.getDefaultInstance()))
              .setSchemaDescriptor(new FactCheckServiceMethodDescriptorSupplier("PublishFactCheck"))
              .build();
        }
      }
    }
    return getPublishFactCheckMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.WithdrawFactCheckRequest,
      tw.jipan.factcheck.v1.WithdrawFactCheckResponse> getWithdrawFactCheckMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "WithdrawFactCheck",
      requestType = tw.jipan.factcheck.v1.WithdrawFactCheckRequest.class,
      responseType = tw.jipan.factcheck.v1.WithdrawFactCheckResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.WithdrawFactCheckRequest,
      tw.jipan.factcheck.v1.WithdrawFactCheckResponse> getWithdrawFactCheckMethod() {
    io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.WithdrawFactCheckRequest, tw.jipan.factcheck.v1.WithdrawFactCheckResponse> getWithdrawFactCheckMethod;
    if ((getWithdrawFactCheckMethod = FactCheckServiceGrpc.getWithdrawFactCheckMethod) == null) {
      synchronized (FactCheckServiceGrpc.class) {
        if ((getWithdrawFactCheckMethod = FactCheckServiceGrpc.getWithdrawFactCheckMethod) == null) {
          FactCheckServiceGrpc.getWithdrawFactCheckMethod = getWithdrawFactCheckMethod =
              io.grpc.MethodDescriptor.<tw.jipan.factcheck.v1.WithdrawFactCheckRequest, tw.jipan.factcheck.v1.WithdrawFactCheckResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "WithdrawFactCheck"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.WithdrawFactCheckRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.WithdrawFactCheckResponse.getDefaultInstance()))
              .setSchemaDescriptor(new FactCheckServiceMethodDescriptorSupplier("WithdrawFactCheck"))
              .build();
        }
      }
    }
    return getWithdrawFactCheckMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.DeleteFactCheckRequest,
      tw.jipan.factcheck.v1.DeleteFactCheckResponse> getDeleteFactCheckMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteFactCheck",
      requestType = tw.jipan.factcheck.v1.DeleteFactCheckRequest.class,
      responseType = tw.jipan.factcheck.v1.DeleteFactCheckResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.DeleteFactCheckRequest,
      tw.jipan.factcheck.v1.DeleteFactCheckResponse> getDeleteFactCheckMethod() {
    io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.DeleteFactCheckRequest, tw.jipan.factcheck.v1.DeleteFactCheckResponse> getDeleteFactCheckMethod;
    if ((getDeleteFactCheckMethod = FactCheckServiceGrpc.getDeleteFactCheckMethod) == null) {
      synchronized (FactCheckServiceGrpc.class) {
        if ((getDeleteFactCheckMethod = FactCheckServiceGrpc.getDeleteFactCheckMethod) == null) {
          FactCheckServiceGrpc.getDeleteFactCheckMethod = getDeleteFactCheckMethod =
              io.grpc.MethodDescriptor.<tw.jipan.factcheck.v1.DeleteFactCheckRequest, tw.jipan.factcheck.v1.DeleteFactCheckResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteFactCheck"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.DeleteFactCheckRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.DeleteFactCheckResponse.getDefaultInstance()))
              .setSchemaDescriptor(new FactCheckServiceMethodDescriptorSupplier("DeleteFactCheck"))
              .build();
        }
      }
    }
    return getDeleteFactCheckMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.ImportFactChecksRequest,
      tw.jipan.factcheck.v1.ImportFactChecksResponse> getImportFactChecksMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ImportFactChecks",
      requestType = tw.jipan.factcheck.v1.ImportFactChecksRequest.class,
      responseType = tw.jipan.factcheck.v1.ImportFactChecksResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.ImportFactChecksRequest,
      tw.jipan.factcheck.v1.ImportFactChecksResponse> getImportFactChecksMethod() {
    io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.ImportFactChecksRequest, tw.jipan.factcheck.v1.ImportFactChecksResponse> getImportFactChecksMethod;
    if ((getImportFactChecksMethod = FactCheckServiceGrpc.getImportFactChecksMethod) == null) {
      synchronized (FactCheckServiceGrpc.class) {
        if ((getImportFactChecksMethod = FactCheckServiceGrpc.getImportFactChecksMethod) == null) {
          FactCheckServiceGrpc.getImportFactChecksMethod = getImportFactChecksMethod =
              io.grpc.MethodDescriptor.<tw.jipan.factcheck.v1.ImportFactChecksRequest, tw.jipan.factcheck.v1.ImportFactChecksResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ImportFactChecks"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.ImportFactChecksRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.ImportFactChecksResponse.getDefaultInstance()))
              .setSchemaDescriptor(new FactCheckServiceMethodDescriptorSupplier("ImportFactChecks"))
              .build();
        }
      }
    }
    return getImportFactChecksMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.SearchFactChecksRequest,
      tw.jipan.factcheck.v1.SearchFactChecksResponse> getSearchFactChecksMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "SearchFactChecks",
      requestType = tw.jipan.factcheck.v1.SearchFactChecksRequest.class,
      responseType = tw.jipan.factcheck.v1.SearchFactChecksResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.SearchFactChecksRequest,
      tw.jipan.factcheck.v1.SearchFactChecksResponse> getSearchFactChecksMethod() {
    io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.SearchFactChecksRequest, tw.jipan.factcheck.v1.SearchFactChecksResponse> getSearchFactChecksMethod;
    if ((getSearchFactChecksMethod = FactCheckServiceGrpc.getSearchFactChecksMethod) == null) {
      synchronized (FactCheckServiceGrpc.class) {
        if ((getSearchFactChecksMethod = FactCheckServiceGrpc.getSearchFactChecksMethod) == null) {
          FactCheckServiceGrpc.getSearchFactChecksMethod = getSearchFactChecksMethod =
              io.grpc.MethodDescriptor.<tw.jipan.factcheck.v1.SearchFactChecksRequest, tw.jipan.factcheck.v1.SearchFactChecksResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "SearchFactChecks"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.SearchFactChecksRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.SearchFactChecksResponse.getDefaultInstance()))
              .setSchemaDescriptor(new FactCheckServiceMethodDescriptorSupplier("SearchFactChecks"))
              .build();
        }
      }
    }
    return getSearchFactChecksMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.ExportClaimReviewRequest,
      tw.jipan.factcheck.v1.ExportClaimReviewResponse> getExportClaimReviewMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ExportClaimReview",
      requestType = tw.jipan.factcheck.v1.ExportClaimReviewRequest.class,
      responseType = tw.jipan.factcheck.v1.ExportClaimReviewResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.ExportClaimReviewRequest,
      tw.jipan.factcheck.v1.ExportClaimReviewResponse> getExportClaimReviewMethod() {
    io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.ExportClaimReviewRequest, tw.jipan.factcheck.v1.ExportClaimReviewResponse> getExportClaimReviewMethod;
    if ((getExportClaimReviewMethod = FactCheckServiceGrpc.getExportClaimReviewMethod) == null) {
      synchronized (FactCheckServiceGrpc.class) {
        if ((getExportClaimReviewMethod = FactCheckServiceGrpc.getExportClaimReviewMethod) == null) {
          FactCheckServiceGrpc.getExportClaimReviewMethod = getExportClaimReviewMethod =
              io.grpc.MethodDescriptor.<tw.jipan.factcheck.v1.ExportClaimReviewRequest, tw.jipan.factcheck.v1.ExportClaimReviewResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ExportClaimReview"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.ExportClaimReviewRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.ExportClaimReviewResponse.getDefaultInstance()))
              .setSchemaDescriptor(new FactCheckServiceMethodDescriptorSupplier("ExportClaimReview"))
              .build();
        }
      }
    }
    return getExportClaimReviewMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.ExportClaimReviewFeedRequest,
      tw.jipan.factcheck.v1.ExportClaimReviewFeedResponse> getExportClaimReviewFeedMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ExportClaimReviewFeed",
      requestType = tw.jipan.factcheck.v1.ExportClaimReviewFeedRequest.class,
      responseType = tw.jipan.factcheck.v1.ExportClaimReviewFeedResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.ExportClaimReviewFeedRequest,
      tw.jipan.factcheck.v1.ExportClaimReviewFeedResponse> getExportClaimReviewFeedMethod() {
    io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.ExportClaimReviewFeedRequest, tw.jipan.factcheck.v1.ExportClaimReviewFeedResponse> getExportClaimReviewFeedMethod;
    if ((getExportClaimReviewFeedMethod = FactCheckServiceGrpc.getExportClaimReviewFeedMethod) == null) {
      synchronized (FactCheckServiceGrpc.class) {
        if ((getExportClaimReviewFeedMethod = FactCheckServiceGrpc.getExportClaimReviewFeedMethod) == null) {
          FactCheckServiceGrpc.getExportClaimReviewFeedMethod = getExportClaimReviewFeedMethod =
              io.grpc.MethodDescriptor.<tw.jipan.factcheck.v1.ExportClaimReviewFeedRequest, tw.jipan.factcheck.v1.ExportClaimReviewFeedResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ExportClaimReviewFeed"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.ExportClaimReviewFeedRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.ExportClaimReviewFeedResponse.getDefaultInstance()))
              .setSchemaDescriptor(new FactCheckServiceMethodDescriptorSupplier("ExportClaimReviewFeed"))
              .build();
        }
      }
    }
    return getExportClaimReviewFeedMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.MatchClaimsRequest,
      tw.jipan.factcheck.v1.MatchClaimsResponse> getMatchClaimsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "MatchClaims",
      requestType = tw.jipan.factcheck.v1.MatchClaimsRequest.class,
      responseType = tw.jipan.factcheck.v1.MatchClaimsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.MatchClaimsRequest,
      tw.jipan.factcheck.v1.MatchClaimsResponse> getMatchClaimsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.MatchClaimsRequest, tw.jipan.factcheck.v1.MatchClaimsResponse> getMatchClaimsMethod;
    if ((getMatchClaimsMethod = FactCheckServiceGrpc.getMatchClaimsMethod) == null) {
      synchronized (FactCheckServiceGrpc.class) {
        if ((getMatchClaimsMethod = FactCheckServiceGrpc.getMatchClaimsMethod) == null) {
          FactCheckServiceGrpc.getMatchClaimsMethod = getMatchClaimsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.factcheck.v1.MatchClaimsRequest, tw.jipan.factcheck.v1.MatchClaimsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "MatchClaims"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.MatchClaimsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.MatchClaimsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new FactCheckServiceMethodDescriptorSupplier("MatchClaims"))
              .build();
        }
      }
    }
    return getMatchClaimsMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static FactCheckServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<FactCheckServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<FactCheckServiceStub>() {
        @java.lang.Override
        public FactCheckServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new FactCheckServiceStub(channel, callOptions);
        }
      };
    return FactCheckServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static FactCheckServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<FactCheckServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<FactCheckServiceBlockingStub>() {
        @java.lang.Override
        public FactCheckServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new FactCheckServiceBlockingStub(channel, callOptions);
        }
      };
    return FactCheckServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static FactCheckServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<FactCheckServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<FactCheckServiceFutureStub>() {
        @java.lang.Override
        public FactCheckServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new FactCheckServiceFutureStub(channel, callOptions);
        }
      };
    return FactCheckServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * The shared fact-check base: organisations write fact-checks (drafts of
   * their own until published), import them from ClaimReview JSON-LD and
   * Cofacts' open data, and publish them; anyone searches and exports the
   * published ones as ClaimReview; callers ask whether a claim has been
   * checked (MatchClaims: hybrid lexical and multilingual dense retrieval,
   * a calibrated score and an explicit no-match).
   * A draft is visible only to its organisation; another organisation's
   * draft is NOT_FOUND. Published fact-checks are public.
   * </pre>
   */
  public static abstract class FactCheckServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Writes a fact-check as a DRAFT of the caller's organisation. A replayed
     * `request_id` returns the first fact-check.
     * </pre>
     */
    public void createFactCheck(tw.jipan.factcheck.v1.CreateFactCheckRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.CreateFactCheckResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateFactCheckMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns a fact-check: any published one, or a draft of the caller's
     * organisation.
     * </pre>
     */
    public void getFactCheck(tw.jipan.factcheck.v1.GetFactCheckRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.GetFactCheckResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetFactCheckMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the caller's organisation's fact-checks, drafts included, newest
     * first, optionally filtered.
     * </pre>
     */
    public void listFactChecks(tw.jipan.factcheck.v1.ListFactChecksRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.ListFactChecksResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListFactChecksMethod(), responseObserver);
    }

    /**
     * <pre>
     * Changes the fields named in `update_mask` of a fact-check of the
     * caller's organisation. A published fact-check stays published; its new
     * content gets a new digest anchored on the ledger.
     * </pre>
     */
    public void updateFactCheck(tw.jipan.factcheck.v1.UpdateFactCheckRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.UpdateFactCheckResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateFactCheckMethod(), responseObserver);
    }

    /**
     * <pre>
     * Publishes a draft: it becomes public and matchable, and its digest is
     * anchored on the ledger. Publishing a published fact-check returns it
     * unchanged.
     * </pre>
     */
    public void publishFactCheck(tw.jipan.factcheck.v1.PublishFactCheckRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.PublishFactCheckResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getPublishFactCheckMethod(), responseObserver);
    }

    /**
     * <pre>
     * Withdraws a published fact-check of the caller's organisation, with the
     * reason said publicly: it is no longer searched, matched or exported,
     * while GetFactCheck still returns it (with `withdraw_reason`) so that
     * whoever relied on it learns it was withdrawn. The withdrawn record's
     * digest is anchored on the ledger beside the published one's.
     * Withdrawing a withdrawn fact-check returns it unchanged; a draft is
     * FAILED_PRECONDITION FACT_CHECK_NOT_PUBLISHED (delete it instead).
     * </pre>
     */
    public void withdrawFactCheck(tw.jipan.factcheck.v1.WithdrawFactCheckRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.WithdrawFactCheckResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getWithdrawFactCheckMethod(), responseObserver);
    }

    /**
     * <pre>
     * Deletes a draft of the caller's organisation. A published or withdrawn
     * fact-check is FAILED_PRECONDITION FACT_CHECK_PUBLISHED: its digest is
     * on the ledger, so it is withdrawn, never deleted.
     * </pre>
     */
    public void deleteFactCheck(tw.jipan.factcheck.v1.DeleteFactCheckRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.DeleteFactCheckResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteFactCheckMethod(), responseObserver);
    }

    /**
     * <pre>
     * Imports fact-checks into the caller's organisation from ClaimReview
     * JSON-LD or Cofacts' open-data CSVs. Items already imported (same
     * `import_source`) are counted as duplicates and left as they are; items
     * that cannot be read are reported, the rest imported. A replayed
     * `request_id` returns the first response.
     * </pre>
     */
    public void importFactChecks(tw.jipan.factcheck.v1.ImportFactChecksRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.ImportFactChecksResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getImportFactChecksMethod(), responseObserver);
    }

    /**
     * <pre>
     * Searches the published fact-checks of every organisation, newest
     * first. Public: no token needed (the published base is open data).
     * </pre>
     */
    public void searchFactChecks(tw.jipan.factcheck.v1.SearchFactChecksRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.SearchFactChecksResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getSearchFactChecksMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns a published fact-check as schema.org ClaimReview JSON-LD.
     * Public: no token needed; a draft is NOT_FOUND.
     * </pre>
     */
    public void exportClaimReview(tw.jipan.factcheck.v1.ExportClaimReviewRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.ExportClaimReviewResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getExportClaimReviewMethod(), responseObserver);
    }

    /**
     * <pre>
     * The published base as a schema.org DataFeed of ClaimReviews, a page at
     * a time in the order of their last change, for a fact-check aggregator
     * to mirror it: each published fact-check is a DataFeedItem with its
     * ClaimReview, each withdrawn one a DataFeedItem with `dateDeleted` (so a
     * mirror removes it). A fact-check changed since a page was read comes
     * again in a later page. `resume_page_token` asks, later, for what has
     * changed since. Public: no token needed.
     * </pre>
     */
    public void exportClaimReviewFeed(tw.jipan.factcheck.v1.ExportClaimReviewFeedRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.ExportClaimReviewFeedResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getExportClaimReviewFeedMethod(), responseObserver);
    }

    /**
     * <pre>
     * Finds the published fact-checks a claim is about, ranked, with a
     * calibrated score, and says "no match" when none is close enough. Works
     * within Chinese, within English and across them. Reads only; to queue an
     * unmatched claim for reviewers use ReviewService.SubmitClaim.
     * </pre>
     */
    public void matchClaims(tw.jipan.factcheck.v1.MatchClaimsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.MatchClaimsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getMatchClaimsMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getCreateFactCheckMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.factcheck.v1.CreateFactCheckRequest,
                tw.jipan.factcheck.v1.CreateFactCheckResponse>(
                  this, METHODID_CREATE_FACT_CHECK)))
          .addMethod(
            getGetFactCheckMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.factcheck.v1.GetFactCheckRequest,
                tw.jipan.factcheck.v1.GetFactCheckResponse>(
                  this, METHODID_GET_FACT_CHECK)))
          .addMethod(
            getListFactChecksMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.factcheck.v1.ListFactChecksRequest,
                tw.jipan.factcheck.v1.ListFactChecksResponse>(
                  this, METHODID_LIST_FACT_CHECKS)))
          .addMethod(
            getUpdateFactCheckMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.factcheck.v1.UpdateFactCheckRequest,
                tw.jipan.factcheck.v1.UpdateFactCheckResponse>(
                  this, METHODID_UPDATE_FACT_CHECK)))
          .addMethod(
            getPublishFactCheckMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.factcheck.v1.PublishFactCheckRequest,
                tw.jipan.factcheck.v1.PublishFactCheckResponse>(
                  this, METHODID_PUBLISH_FACT_CHECK)))
          .addMethod(
            getWithdrawFactCheckMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.factcheck.v1.WithdrawFactCheckRequest,
                tw.jipan.factcheck.v1.WithdrawFactCheckResponse>(
                  this, METHODID_WITHDRAW_FACT_CHECK)))
          .addMethod(
            getDeleteFactCheckMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.factcheck.v1.DeleteFactCheckRequest,
                tw.jipan.factcheck.v1.DeleteFactCheckResponse>(
                  this, METHODID_DELETE_FACT_CHECK)))
          .addMethod(
            getImportFactChecksMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.factcheck.v1.ImportFactChecksRequest,
                tw.jipan.factcheck.v1.ImportFactChecksResponse>(
                  this, METHODID_IMPORT_FACT_CHECKS)))
          .addMethod(
            getSearchFactChecksMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.factcheck.v1.SearchFactChecksRequest,
                tw.jipan.factcheck.v1.SearchFactChecksResponse>(
                  this, METHODID_SEARCH_FACT_CHECKS)))
          .addMethod(
            getExportClaimReviewMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.factcheck.v1.ExportClaimReviewRequest,
                tw.jipan.factcheck.v1.ExportClaimReviewResponse>(
                  this, METHODID_EXPORT_CLAIM_REVIEW)))
          .addMethod(
            getExportClaimReviewFeedMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.factcheck.v1.ExportClaimReviewFeedRequest,
                tw.jipan.factcheck.v1.ExportClaimReviewFeedResponse>(
                  this, METHODID_EXPORT_CLAIM_REVIEW_FEED)))
          .addMethod(
            getMatchClaimsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.factcheck.v1.MatchClaimsRequest,
                tw.jipan.factcheck.v1.MatchClaimsResponse>(
                  this, METHODID_MATCH_CLAIMS)))
          .build();
    }
  }

  /**
   * <pre>
   * The shared fact-check base: organisations write fact-checks (drafts of
   * their own until published), import them from ClaimReview JSON-LD and
   * Cofacts' open data, and publish them; anyone searches and exports the
   * published ones as ClaimReview; callers ask whether a claim has been
   * checked (MatchClaims: hybrid lexical and multilingual dense retrieval,
   * a calibrated score and an explicit no-match).
   * A draft is visible only to its organisation; another organisation's
   * draft is NOT_FOUND. Published fact-checks are public.
   * </pre>
   */
  public static final class FactCheckServiceStub extends io.grpc.stub.AbstractAsyncStub<FactCheckServiceStub> {
    private FactCheckServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected FactCheckServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new FactCheckServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Writes a fact-check as a DRAFT of the caller's organisation. A replayed
     * `request_id` returns the first fact-check.
     * </pre>
     */
    public void createFactCheck(tw.jipan.factcheck.v1.CreateFactCheckRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.CreateFactCheckResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateFactCheckMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns a fact-check: any published one, or a draft of the caller's
     * organisation.
     * </pre>
     */
    public void getFactCheck(tw.jipan.factcheck.v1.GetFactCheckRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.GetFactCheckResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetFactCheckMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the caller's organisation's fact-checks, drafts included, newest
     * first, optionally filtered.
     * </pre>
     */
    public void listFactChecks(tw.jipan.factcheck.v1.ListFactChecksRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.ListFactChecksResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListFactChecksMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Changes the fields named in `update_mask` of a fact-check of the
     * caller's organisation. A published fact-check stays published; its new
     * content gets a new digest anchored on the ledger.
     * </pre>
     */
    public void updateFactCheck(tw.jipan.factcheck.v1.UpdateFactCheckRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.UpdateFactCheckResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateFactCheckMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Publishes a draft: it becomes public and matchable, and its digest is
     * anchored on the ledger. Publishing a published fact-check returns it
     * unchanged.
     * </pre>
     */
    public void publishFactCheck(tw.jipan.factcheck.v1.PublishFactCheckRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.PublishFactCheckResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getPublishFactCheckMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Withdraws a published fact-check of the caller's organisation, with the
     * reason said publicly: it is no longer searched, matched or exported,
     * while GetFactCheck still returns it (with `withdraw_reason`) so that
     * whoever relied on it learns it was withdrawn. The withdrawn record's
     * digest is anchored on the ledger beside the published one's.
     * Withdrawing a withdrawn fact-check returns it unchanged; a draft is
     * FAILED_PRECONDITION FACT_CHECK_NOT_PUBLISHED (delete it instead).
     * </pre>
     */
    public void withdrawFactCheck(tw.jipan.factcheck.v1.WithdrawFactCheckRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.WithdrawFactCheckResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getWithdrawFactCheckMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Deletes a draft of the caller's organisation. A published or withdrawn
     * fact-check is FAILED_PRECONDITION FACT_CHECK_PUBLISHED: its digest is
     * on the ledger, so it is withdrawn, never deleted.
     * </pre>
     */
    public void deleteFactCheck(tw.jipan.factcheck.v1.DeleteFactCheckRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.DeleteFactCheckResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteFactCheckMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Imports fact-checks into the caller's organisation from ClaimReview
     * JSON-LD or Cofacts' open-data CSVs. Items already imported (same
     * `import_source`) are counted as duplicates and left as they are; items
     * that cannot be read are reported, the rest imported. A replayed
     * `request_id` returns the first response.
     * </pre>
     */
    public void importFactChecks(tw.jipan.factcheck.v1.ImportFactChecksRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.ImportFactChecksResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getImportFactChecksMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Searches the published fact-checks of every organisation, newest
     * first. Public: no token needed (the published base is open data).
     * </pre>
     */
    public void searchFactChecks(tw.jipan.factcheck.v1.SearchFactChecksRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.SearchFactChecksResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getSearchFactChecksMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns a published fact-check as schema.org ClaimReview JSON-LD.
     * Public: no token needed; a draft is NOT_FOUND.
     * </pre>
     */
    public void exportClaimReview(tw.jipan.factcheck.v1.ExportClaimReviewRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.ExportClaimReviewResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getExportClaimReviewMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * The published base as a schema.org DataFeed of ClaimReviews, a page at
     * a time in the order of their last change, for a fact-check aggregator
     * to mirror it: each published fact-check is a DataFeedItem with its
     * ClaimReview, each withdrawn one a DataFeedItem with `dateDeleted` (so a
     * mirror removes it). A fact-check changed since a page was read comes
     * again in a later page. `resume_page_token` asks, later, for what has
     * changed since. Public: no token needed.
     * </pre>
     */
    public void exportClaimReviewFeed(tw.jipan.factcheck.v1.ExportClaimReviewFeedRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.ExportClaimReviewFeedResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getExportClaimReviewFeedMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Finds the published fact-checks a claim is about, ranked, with a
     * calibrated score, and says "no match" when none is close enough. Works
     * within Chinese, within English and across them. Reads only; to queue an
     * unmatched claim for reviewers use ReviewService.SubmitClaim.
     * </pre>
     */
    public void matchClaims(tw.jipan.factcheck.v1.MatchClaimsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.MatchClaimsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getMatchClaimsMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * The shared fact-check base: organisations write fact-checks (drafts of
   * their own until published), import them from ClaimReview JSON-LD and
   * Cofacts' open data, and publish them; anyone searches and exports the
   * published ones as ClaimReview; callers ask whether a claim has been
   * checked (MatchClaims: hybrid lexical and multilingual dense retrieval,
   * a calibrated score and an explicit no-match).
   * A draft is visible only to its organisation; another organisation's
   * draft is NOT_FOUND. Published fact-checks are public.
   * </pre>
   */
  public static final class FactCheckServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<FactCheckServiceBlockingStub> {
    private FactCheckServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected FactCheckServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new FactCheckServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Writes a fact-check as a DRAFT of the caller's organisation. A replayed
     * `request_id` returns the first fact-check.
     * </pre>
     */
    public tw.jipan.factcheck.v1.CreateFactCheckResponse createFactCheck(tw.jipan.factcheck.v1.CreateFactCheckRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateFactCheckMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns a fact-check: any published one, or a draft of the caller's
     * organisation.
     * </pre>
     */
    public tw.jipan.factcheck.v1.GetFactCheckResponse getFactCheck(tw.jipan.factcheck.v1.GetFactCheckRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetFactCheckMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the caller's organisation's fact-checks, drafts included, newest
     * first, optionally filtered.
     * </pre>
     */
    public tw.jipan.factcheck.v1.ListFactChecksResponse listFactChecks(tw.jipan.factcheck.v1.ListFactChecksRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListFactChecksMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Changes the fields named in `update_mask` of a fact-check of the
     * caller's organisation. A published fact-check stays published; its new
     * content gets a new digest anchored on the ledger.
     * </pre>
     */
    public tw.jipan.factcheck.v1.UpdateFactCheckResponse updateFactCheck(tw.jipan.factcheck.v1.UpdateFactCheckRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateFactCheckMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Publishes a draft: it becomes public and matchable, and its digest is
     * anchored on the ledger. Publishing a published fact-check returns it
     * unchanged.
     * </pre>
     */
    public tw.jipan.factcheck.v1.PublishFactCheckResponse publishFactCheck(tw.jipan.factcheck.v1.PublishFactCheckRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getPublishFactCheckMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Withdraws a published fact-check of the caller's organisation, with the
     * reason said publicly: it is no longer searched, matched or exported,
     * while GetFactCheck still returns it (with `withdraw_reason`) so that
     * whoever relied on it learns it was withdrawn. The withdrawn record's
     * digest is anchored on the ledger beside the published one's.
     * Withdrawing a withdrawn fact-check returns it unchanged; a draft is
     * FAILED_PRECONDITION FACT_CHECK_NOT_PUBLISHED (delete it instead).
     * </pre>
     */
    public tw.jipan.factcheck.v1.WithdrawFactCheckResponse withdrawFactCheck(tw.jipan.factcheck.v1.WithdrawFactCheckRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getWithdrawFactCheckMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes a draft of the caller's organisation. A published or withdrawn
     * fact-check is FAILED_PRECONDITION FACT_CHECK_PUBLISHED: its digest is
     * on the ledger, so it is withdrawn, never deleted.
     * </pre>
     */
    public tw.jipan.factcheck.v1.DeleteFactCheckResponse deleteFactCheck(tw.jipan.factcheck.v1.DeleteFactCheckRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteFactCheckMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Imports fact-checks into the caller's organisation from ClaimReview
     * JSON-LD or Cofacts' open-data CSVs. Items already imported (same
     * `import_source`) are counted as duplicates and left as they are; items
     * that cannot be read are reported, the rest imported. A replayed
     * `request_id` returns the first response.
     * </pre>
     */
    public tw.jipan.factcheck.v1.ImportFactChecksResponse importFactChecks(tw.jipan.factcheck.v1.ImportFactChecksRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getImportFactChecksMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Searches the published fact-checks of every organisation, newest
     * first. Public: no token needed (the published base is open data).
     * </pre>
     */
    public tw.jipan.factcheck.v1.SearchFactChecksResponse searchFactChecks(tw.jipan.factcheck.v1.SearchFactChecksRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getSearchFactChecksMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns a published fact-check as schema.org ClaimReview JSON-LD.
     * Public: no token needed; a draft is NOT_FOUND.
     * </pre>
     */
    public tw.jipan.factcheck.v1.ExportClaimReviewResponse exportClaimReview(tw.jipan.factcheck.v1.ExportClaimReviewRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getExportClaimReviewMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The published base as a schema.org DataFeed of ClaimReviews, a page at
     * a time in the order of their last change, for a fact-check aggregator
     * to mirror it: each published fact-check is a DataFeedItem with its
     * ClaimReview, each withdrawn one a DataFeedItem with `dateDeleted` (so a
     * mirror removes it). A fact-check changed since a page was read comes
     * again in a later page. `resume_page_token` asks, later, for what has
     * changed since. Public: no token needed.
     * </pre>
     */
    public tw.jipan.factcheck.v1.ExportClaimReviewFeedResponse exportClaimReviewFeed(tw.jipan.factcheck.v1.ExportClaimReviewFeedRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getExportClaimReviewFeedMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Finds the published fact-checks a claim is about, ranked, with a
     * calibrated score, and says "no match" when none is close enough. Works
     * within Chinese, within English and across them. Reads only; to queue an
     * unmatched claim for reviewers use ReviewService.SubmitClaim.
     * </pre>
     */
    public tw.jipan.factcheck.v1.MatchClaimsResponse matchClaims(tw.jipan.factcheck.v1.MatchClaimsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getMatchClaimsMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * The shared fact-check base: organisations write fact-checks (drafts of
   * their own until published), import them from ClaimReview JSON-LD and
   * Cofacts' open data, and publish them; anyone searches and exports the
   * published ones as ClaimReview; callers ask whether a claim has been
   * checked (MatchClaims: hybrid lexical and multilingual dense retrieval,
   * a calibrated score and an explicit no-match).
   * A draft is visible only to its organisation; another organisation's
   * draft is NOT_FOUND. Published fact-checks are public.
   * </pre>
   */
  public static final class FactCheckServiceFutureStub extends io.grpc.stub.AbstractFutureStub<FactCheckServiceFutureStub> {
    private FactCheckServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected FactCheckServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new FactCheckServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Writes a fact-check as a DRAFT of the caller's organisation. A replayed
     * `request_id` returns the first fact-check.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.factcheck.v1.CreateFactCheckResponse> createFactCheck(
        tw.jipan.factcheck.v1.CreateFactCheckRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateFactCheckMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns a fact-check: any published one, or a draft of the caller's
     * organisation.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.factcheck.v1.GetFactCheckResponse> getFactCheck(
        tw.jipan.factcheck.v1.GetFactCheckRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetFactCheckMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the caller's organisation's fact-checks, drafts included, newest
     * first, optionally filtered.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.factcheck.v1.ListFactChecksResponse> listFactChecks(
        tw.jipan.factcheck.v1.ListFactChecksRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListFactChecksMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Changes the fields named in `update_mask` of a fact-check of the
     * caller's organisation. A published fact-check stays published; its new
     * content gets a new digest anchored on the ledger.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.factcheck.v1.UpdateFactCheckResponse> updateFactCheck(
        tw.jipan.factcheck.v1.UpdateFactCheckRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateFactCheckMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Publishes a draft: it becomes public and matchable, and its digest is
     * anchored on the ledger. Publishing a published fact-check returns it
     * unchanged.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.factcheck.v1.PublishFactCheckResponse> publishFactCheck(
        tw.jipan.factcheck.v1.PublishFactCheckRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getPublishFactCheckMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Withdraws a published fact-check of the caller's organisation, with the
     * reason said publicly: it is no longer searched, matched or exported,
     * while GetFactCheck still returns it (with `withdraw_reason`) so that
     * whoever relied on it learns it was withdrawn. The withdrawn record's
     * digest is anchored on the ledger beside the published one's.
     * Withdrawing a withdrawn fact-check returns it unchanged; a draft is
     * FAILED_PRECONDITION FACT_CHECK_NOT_PUBLISHED (delete it instead).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.factcheck.v1.WithdrawFactCheckResponse> withdrawFactCheck(
        tw.jipan.factcheck.v1.WithdrawFactCheckRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getWithdrawFactCheckMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Deletes a draft of the caller's organisation. A published or withdrawn
     * fact-check is FAILED_PRECONDITION FACT_CHECK_PUBLISHED: its digest is
     * on the ledger, so it is withdrawn, never deleted.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.factcheck.v1.DeleteFactCheckResponse> deleteFactCheck(
        tw.jipan.factcheck.v1.DeleteFactCheckRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteFactCheckMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Imports fact-checks into the caller's organisation from ClaimReview
     * JSON-LD or Cofacts' open-data CSVs. Items already imported (same
     * `import_source`) are counted as duplicates and left as they are; items
     * that cannot be read are reported, the rest imported. A replayed
     * `request_id` returns the first response.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.factcheck.v1.ImportFactChecksResponse> importFactChecks(
        tw.jipan.factcheck.v1.ImportFactChecksRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getImportFactChecksMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Searches the published fact-checks of every organisation, newest
     * first. Public: no token needed (the published base is open data).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.factcheck.v1.SearchFactChecksResponse> searchFactChecks(
        tw.jipan.factcheck.v1.SearchFactChecksRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getSearchFactChecksMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns a published fact-check as schema.org ClaimReview JSON-LD.
     * Public: no token needed; a draft is NOT_FOUND.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.factcheck.v1.ExportClaimReviewResponse> exportClaimReview(
        tw.jipan.factcheck.v1.ExportClaimReviewRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getExportClaimReviewMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * The published base as a schema.org DataFeed of ClaimReviews, a page at
     * a time in the order of their last change, for a fact-check aggregator
     * to mirror it: each published fact-check is a DataFeedItem with its
     * ClaimReview, each withdrawn one a DataFeedItem with `dateDeleted` (so a
     * mirror removes it). A fact-check changed since a page was read comes
     * again in a later page. `resume_page_token` asks, later, for what has
     * changed since. Public: no token needed.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.factcheck.v1.ExportClaimReviewFeedResponse> exportClaimReviewFeed(
        tw.jipan.factcheck.v1.ExportClaimReviewFeedRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getExportClaimReviewFeedMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Finds the published fact-checks a claim is about, ranked, with a
     * calibrated score, and says "no match" when none is close enough. Works
     * within Chinese, within English and across them. Reads only; to queue an
     * unmatched claim for reviewers use ReviewService.SubmitClaim.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.factcheck.v1.MatchClaimsResponse> matchClaims(
        tw.jipan.factcheck.v1.MatchClaimsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getMatchClaimsMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_FACT_CHECK = 0;
  private static final int METHODID_GET_FACT_CHECK = 1;
  private static final int METHODID_LIST_FACT_CHECKS = 2;
  private static final int METHODID_UPDATE_FACT_CHECK = 3;
  private static final int METHODID_PUBLISH_FACT_CHECK = 4;
  private static final int METHODID_WITHDRAW_FACT_CHECK = 5;
  private static final int METHODID_DELETE_FACT_CHECK = 6;
  private static final int METHODID_IMPORT_FACT_CHECKS = 7;
  private static final int METHODID_SEARCH_FACT_CHECKS = 8;
  private static final int METHODID_EXPORT_CLAIM_REVIEW = 9;
  private static final int METHODID_EXPORT_CLAIM_REVIEW_FEED = 10;
  private static final int METHODID_MATCH_CLAIMS = 11;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final FactCheckServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(FactCheckServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_CREATE_FACT_CHECK:
          serviceImpl.createFactCheck((tw.jipan.factcheck.v1.CreateFactCheckRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.CreateFactCheckResponse>) responseObserver);
          break;
        case METHODID_GET_FACT_CHECK:
          serviceImpl.getFactCheck((tw.jipan.factcheck.v1.GetFactCheckRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.GetFactCheckResponse>) responseObserver);
          break;
        case METHODID_LIST_FACT_CHECKS:
          serviceImpl.listFactChecks((tw.jipan.factcheck.v1.ListFactChecksRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.ListFactChecksResponse>) responseObserver);
          break;
        case METHODID_UPDATE_FACT_CHECK:
          serviceImpl.updateFactCheck((tw.jipan.factcheck.v1.UpdateFactCheckRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.UpdateFactCheckResponse>) responseObserver);
          break;
        case METHODID_PUBLISH_FACT_CHECK:
          serviceImpl.publishFactCheck((tw.jipan.factcheck.v1.PublishFactCheckRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.PublishFactCheckResponse>) responseObserver);
          break;
        case METHODID_WITHDRAW_FACT_CHECK:
          serviceImpl.withdrawFactCheck((tw.jipan.factcheck.v1.WithdrawFactCheckRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.WithdrawFactCheckResponse>) responseObserver);
          break;
        case METHODID_DELETE_FACT_CHECK:
          serviceImpl.deleteFactCheck((tw.jipan.factcheck.v1.DeleteFactCheckRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.DeleteFactCheckResponse>) responseObserver);
          break;
        case METHODID_IMPORT_FACT_CHECKS:
          serviceImpl.importFactChecks((tw.jipan.factcheck.v1.ImportFactChecksRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.ImportFactChecksResponse>) responseObserver);
          break;
        case METHODID_SEARCH_FACT_CHECKS:
          serviceImpl.searchFactChecks((tw.jipan.factcheck.v1.SearchFactChecksRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.SearchFactChecksResponse>) responseObserver);
          break;
        case METHODID_EXPORT_CLAIM_REVIEW:
          serviceImpl.exportClaimReview((tw.jipan.factcheck.v1.ExportClaimReviewRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.ExportClaimReviewResponse>) responseObserver);
          break;
        case METHODID_EXPORT_CLAIM_REVIEW_FEED:
          serviceImpl.exportClaimReviewFeed((tw.jipan.factcheck.v1.ExportClaimReviewFeedRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.ExportClaimReviewFeedResponse>) responseObserver);
          break;
        case METHODID_MATCH_CLAIMS:
          serviceImpl.matchClaims((tw.jipan.factcheck.v1.MatchClaimsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.MatchClaimsResponse>) responseObserver);
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

  private static abstract class FactCheckServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    FactCheckServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.factcheck.v1.FactcheckServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("FactCheckService");
    }
  }

  private static final class FactCheckServiceFileDescriptorSupplier
      extends FactCheckServiceBaseDescriptorSupplier {
    FactCheckServiceFileDescriptorSupplier() {}
  }

  private static final class FactCheckServiceMethodDescriptorSupplier
      extends FactCheckServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    FactCheckServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (FactCheckServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new FactCheckServiceFileDescriptorSupplier())
              .addMethod(getCreateFactCheckMethod())
              .addMethod(getGetFactCheckMethod())
              .addMethod(getListFactChecksMethod())
              .addMethod(getUpdateFactCheckMethod())
              .addMethod(getPublishFactCheckMethod())
              .addMethod(getWithdrawFactCheckMethod())
              .addMethod(getDeleteFactCheckMethod())
              .addMethod(getImportFactChecksMethod())
              .addMethod(getSearchFactChecksMethod())
              .addMethod(getExportClaimReviewMethod())
              .addMethod(getExportClaimReviewFeedMethod())
              .addMethod(getMatchClaimsMethod())
              .build();
        }
      }
    }
    return result;
  }
}
