package tw.jipan.inference.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * The model registry: models ("models/{model}") owned by an organisation
 * (the token's `org`), their versions ("models/{model}/versions/{version}")
 * stored encrypted with their digest anchored on the ledger, int8
 * compression, and deployment on the serving backend (NVIDIA Triton) that
 * the Open Inference Protocol gateway (`inference.GRPCInferenceService`)
 * forwards to. Compression and (un)deployment are long-running operations.
 * A caller sees the models of its organisation, public models and models
 * shared with its organisation; only the owner changes a model.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/inference/v1/model_registry_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class ModelRegistryServiceGrpc {

  private ModelRegistryServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.inference.v1.ModelRegistryService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.inference.v1.CreateModelRequest,
      tw.jipan.inference.v1.CreateModelResponse> getCreateModelMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateModel",
      requestType = tw.jipan.inference.v1.CreateModelRequest.class,
      responseType = tw.jipan.inference.v1.CreateModelResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.inference.v1.CreateModelRequest,
      tw.jipan.inference.v1.CreateModelResponse> getCreateModelMethod() {
    io.grpc.MethodDescriptor<tw.jipan.inference.v1.CreateModelRequest, tw.jipan.inference.v1.CreateModelResponse> getCreateModelMethod;
    if ((getCreateModelMethod = ModelRegistryServiceGrpc.getCreateModelMethod) == null) {
      synchronized (ModelRegistryServiceGrpc.class) {
        if ((getCreateModelMethod = ModelRegistryServiceGrpc.getCreateModelMethod) == null) {
          ModelRegistryServiceGrpc.getCreateModelMethod = getCreateModelMethod =
              io.grpc.MethodDescriptor.<tw.jipan.inference.v1.CreateModelRequest, tw.jipan.inference.v1.CreateModelResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateModel"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.inference.v1.CreateModelRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.inference.v1.CreateModelResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ModelRegistryServiceMethodDescriptorSupplier("CreateModel"))
              .build();
        }
      }
    }
    return getCreateModelMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.inference.v1.GetModelRequest,
      tw.jipan.inference.v1.GetModelResponse> getGetModelMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetModel",
      requestType = tw.jipan.inference.v1.GetModelRequest.class,
      responseType = tw.jipan.inference.v1.GetModelResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.inference.v1.GetModelRequest,
      tw.jipan.inference.v1.GetModelResponse> getGetModelMethod() {
    io.grpc.MethodDescriptor<tw.jipan.inference.v1.GetModelRequest, tw.jipan.inference.v1.GetModelResponse> getGetModelMethod;
    if ((getGetModelMethod = ModelRegistryServiceGrpc.getGetModelMethod) == null) {
      synchronized (ModelRegistryServiceGrpc.class) {
        if ((getGetModelMethod = ModelRegistryServiceGrpc.getGetModelMethod) == null) {
          ModelRegistryServiceGrpc.getGetModelMethod = getGetModelMethod =
              io.grpc.MethodDescriptor.<tw.jipan.inference.v1.GetModelRequest, tw.jipan.inference.v1.GetModelResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetModel"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.inference.v1.GetModelRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.inference.v1.GetModelResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ModelRegistryServiceMethodDescriptorSupplier("GetModel"))
              .build();
        }
      }
    }
    return getGetModelMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.inference.v1.ListModelsRequest,
      tw.jipan.inference.v1.ListModelsResponse> getListModelsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListModels",
      requestType = tw.jipan.inference.v1.ListModelsRequest.class,
      responseType = tw.jipan.inference.v1.ListModelsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.inference.v1.ListModelsRequest,
      tw.jipan.inference.v1.ListModelsResponse> getListModelsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.inference.v1.ListModelsRequest, tw.jipan.inference.v1.ListModelsResponse> getListModelsMethod;
    if ((getListModelsMethod = ModelRegistryServiceGrpc.getListModelsMethod) == null) {
      synchronized (ModelRegistryServiceGrpc.class) {
        if ((getListModelsMethod = ModelRegistryServiceGrpc.getListModelsMethod) == null) {
          ModelRegistryServiceGrpc.getListModelsMethod = getListModelsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.inference.v1.ListModelsRequest, tw.jipan.inference.v1.ListModelsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListModels"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.inference.v1.ListModelsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.inference.v1.ListModelsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ModelRegistryServiceMethodDescriptorSupplier("ListModels"))
              .build();
        }
      }
    }
    return getListModelsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.inference.v1.UpdateModelRequest,
      tw.jipan.inference.v1.UpdateModelResponse> getUpdateModelMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateModel",
      requestType = tw.jipan.inference.v1.UpdateModelRequest.class,
      responseType = tw.jipan.inference.v1.UpdateModelResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.inference.v1.UpdateModelRequest,
      tw.jipan.inference.v1.UpdateModelResponse> getUpdateModelMethod() {
    io.grpc.MethodDescriptor<tw.jipan.inference.v1.UpdateModelRequest, tw.jipan.inference.v1.UpdateModelResponse> getUpdateModelMethod;
    if ((getUpdateModelMethod = ModelRegistryServiceGrpc.getUpdateModelMethod) == null) {
      synchronized (ModelRegistryServiceGrpc.class) {
        if ((getUpdateModelMethod = ModelRegistryServiceGrpc.getUpdateModelMethod) == null) {
          ModelRegistryServiceGrpc.getUpdateModelMethod = getUpdateModelMethod =
              io.grpc.MethodDescriptor.<tw.jipan.inference.v1.UpdateModelRequest, tw.jipan.inference.v1.UpdateModelResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateModel"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.inference.v1.UpdateModelRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.inference.v1.UpdateModelResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ModelRegistryServiceMethodDescriptorSupplier("UpdateModel"))
              .build();
        }
      }
    }
    return getUpdateModelMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.inference.v1.UpdateEvaluationSetRequest,
      tw.jipan.inference.v1.UpdateEvaluationSetResponse> getUpdateEvaluationSetMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateEvaluationSet",
      requestType = tw.jipan.inference.v1.UpdateEvaluationSetRequest.class,
      responseType = tw.jipan.inference.v1.UpdateEvaluationSetResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.inference.v1.UpdateEvaluationSetRequest,
      tw.jipan.inference.v1.UpdateEvaluationSetResponse> getUpdateEvaluationSetMethod() {
    io.grpc.MethodDescriptor<tw.jipan.inference.v1.UpdateEvaluationSetRequest, tw.jipan.inference.v1.UpdateEvaluationSetResponse> getUpdateEvaluationSetMethod;
    if ((getUpdateEvaluationSetMethod = ModelRegistryServiceGrpc.getUpdateEvaluationSetMethod) == null) {
      synchronized (ModelRegistryServiceGrpc.class) {
        if ((getUpdateEvaluationSetMethod = ModelRegistryServiceGrpc.getUpdateEvaluationSetMethod) == null) {
          ModelRegistryServiceGrpc.getUpdateEvaluationSetMethod = getUpdateEvaluationSetMethod =
              io.grpc.MethodDescriptor.<tw.jipan.inference.v1.UpdateEvaluationSetRequest, tw.jipan.inference.v1.UpdateEvaluationSetResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateEvaluationSet"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.inference.v1.UpdateEvaluationSetRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.inference.v1.UpdateEvaluationSetResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ModelRegistryServiceMethodDescriptorSupplier("UpdateEvaluationSet"))
              .build();
        }
      }
    }
    return getUpdateEvaluationSetMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.inference.v1.UploadModelVersionRequest,
      tw.jipan.inference.v1.UploadModelVersionResponse> getUploadModelVersionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UploadModelVersion",
      requestType = tw.jipan.inference.v1.UploadModelVersionRequest.class,
      responseType = tw.jipan.inference.v1.UploadModelVersionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.CLIENT_STREAMING)
  public static io.grpc.MethodDescriptor<tw.jipan.inference.v1.UploadModelVersionRequest,
      tw.jipan.inference.v1.UploadModelVersionResponse> getUploadModelVersionMethod() {
    io.grpc.MethodDescriptor<tw.jipan.inference.v1.UploadModelVersionRequest, tw.jipan.inference.v1.UploadModelVersionResponse> getUploadModelVersionMethod;
    if ((getUploadModelVersionMethod = ModelRegistryServiceGrpc.getUploadModelVersionMethod) == null) {
      synchronized (ModelRegistryServiceGrpc.class) {
        if ((getUploadModelVersionMethod = ModelRegistryServiceGrpc.getUploadModelVersionMethod) == null) {
          ModelRegistryServiceGrpc.getUploadModelVersionMethod = getUploadModelVersionMethod =
              io.grpc.MethodDescriptor.<tw.jipan.inference.v1.UploadModelVersionRequest, tw.jipan.inference.v1.UploadModelVersionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.CLIENT_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UploadModelVersion"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.inference.v1.UploadModelVersionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.inference.v1.UploadModelVersionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ModelRegistryServiceMethodDescriptorSupplier("UploadModelVersion"))
              .build();
        }
      }
    }
    return getUploadModelVersionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.inference.v1.GetModelVersionRequest,
      tw.jipan.inference.v1.GetModelVersionResponse> getGetModelVersionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetModelVersion",
      requestType = tw.jipan.inference.v1.GetModelVersionRequest.class,
      responseType = tw.jipan.inference.v1.GetModelVersionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.inference.v1.GetModelVersionRequest,
      tw.jipan.inference.v1.GetModelVersionResponse> getGetModelVersionMethod() {
    io.grpc.MethodDescriptor<tw.jipan.inference.v1.GetModelVersionRequest, tw.jipan.inference.v1.GetModelVersionResponse> getGetModelVersionMethod;
    if ((getGetModelVersionMethod = ModelRegistryServiceGrpc.getGetModelVersionMethod) == null) {
      synchronized (ModelRegistryServiceGrpc.class) {
        if ((getGetModelVersionMethod = ModelRegistryServiceGrpc.getGetModelVersionMethod) == null) {
          ModelRegistryServiceGrpc.getGetModelVersionMethod = getGetModelVersionMethod =
              io.grpc.MethodDescriptor.<tw.jipan.inference.v1.GetModelVersionRequest, tw.jipan.inference.v1.GetModelVersionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetModelVersion"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.inference.v1.GetModelVersionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.inference.v1.GetModelVersionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ModelRegistryServiceMethodDescriptorSupplier("GetModelVersion"))
              .build();
        }
      }
    }
    return getGetModelVersionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.inference.v1.ListModelVersionsRequest,
      tw.jipan.inference.v1.ListModelVersionsResponse> getListModelVersionsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListModelVersions",
      requestType = tw.jipan.inference.v1.ListModelVersionsRequest.class,
      responseType = tw.jipan.inference.v1.ListModelVersionsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.inference.v1.ListModelVersionsRequest,
      tw.jipan.inference.v1.ListModelVersionsResponse> getListModelVersionsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.inference.v1.ListModelVersionsRequest, tw.jipan.inference.v1.ListModelVersionsResponse> getListModelVersionsMethod;
    if ((getListModelVersionsMethod = ModelRegistryServiceGrpc.getListModelVersionsMethod) == null) {
      synchronized (ModelRegistryServiceGrpc.class) {
        if ((getListModelVersionsMethod = ModelRegistryServiceGrpc.getListModelVersionsMethod) == null) {
          ModelRegistryServiceGrpc.getListModelVersionsMethod = getListModelVersionsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.inference.v1.ListModelVersionsRequest, tw.jipan.inference.v1.ListModelVersionsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListModelVersions"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.inference.v1.ListModelVersionsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.inference.v1.ListModelVersionsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ModelRegistryServiceMethodDescriptorSupplier("ListModelVersions"))
              .build();
        }
      }
    }
    return getListModelVersionsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.inference.v1.DeleteModelVersionRequest,
      tw.jipan.inference.v1.DeleteModelVersionResponse> getDeleteModelVersionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteModelVersion",
      requestType = tw.jipan.inference.v1.DeleteModelVersionRequest.class,
      responseType = tw.jipan.inference.v1.DeleteModelVersionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.inference.v1.DeleteModelVersionRequest,
      tw.jipan.inference.v1.DeleteModelVersionResponse> getDeleteModelVersionMethod() {
    io.grpc.MethodDescriptor<tw.jipan.inference.v1.DeleteModelVersionRequest, tw.jipan.inference.v1.DeleteModelVersionResponse> getDeleteModelVersionMethod;
    if ((getDeleteModelVersionMethod = ModelRegistryServiceGrpc.getDeleteModelVersionMethod) == null) {
      synchronized (ModelRegistryServiceGrpc.class) {
        if ((getDeleteModelVersionMethod = ModelRegistryServiceGrpc.getDeleteModelVersionMethod) == null) {
          ModelRegistryServiceGrpc.getDeleteModelVersionMethod = getDeleteModelVersionMethod =
              io.grpc.MethodDescriptor.<tw.jipan.inference.v1.DeleteModelVersionRequest, tw.jipan.inference.v1.DeleteModelVersionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteModelVersion"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.inference.v1.DeleteModelVersionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.inference.v1.DeleteModelVersionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ModelRegistryServiceMethodDescriptorSupplier("DeleteModelVersion"))
              .build();
        }
      }
    }
    return getDeleteModelVersionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.inference.v1.CompressModelVersionRequest,
      tw.jipan.inference.v1.CompressModelVersionResponse> getCompressModelVersionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CompressModelVersion",
      requestType = tw.jipan.inference.v1.CompressModelVersionRequest.class,
      responseType = tw.jipan.inference.v1.CompressModelVersionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.inference.v1.CompressModelVersionRequest,
      tw.jipan.inference.v1.CompressModelVersionResponse> getCompressModelVersionMethod() {
    io.grpc.MethodDescriptor<tw.jipan.inference.v1.CompressModelVersionRequest, tw.jipan.inference.v1.CompressModelVersionResponse> getCompressModelVersionMethod;
    if ((getCompressModelVersionMethod = ModelRegistryServiceGrpc.getCompressModelVersionMethod) == null) {
      synchronized (ModelRegistryServiceGrpc.class) {
        if ((getCompressModelVersionMethod = ModelRegistryServiceGrpc.getCompressModelVersionMethod) == null) {
          ModelRegistryServiceGrpc.getCompressModelVersionMethod = getCompressModelVersionMethod =
              io.grpc.MethodDescriptor.<tw.jipan.inference.v1.CompressModelVersionRequest, tw.jipan.inference.v1.CompressModelVersionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CompressModelVersion"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.inference.v1.CompressModelVersionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.inference.v1.CompressModelVersionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ModelRegistryServiceMethodDescriptorSupplier("CompressModelVersion"))
              .build();
        }
      }
    }
    return getCompressModelVersionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.inference.v1.DeployModelVersionRequest,
      tw.jipan.inference.v1.DeployModelVersionResponse> getDeployModelVersionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeployModelVersion",
      requestType = tw.jipan.inference.v1.DeployModelVersionRequest.class,
      responseType = tw.jipan.inference.v1.DeployModelVersionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.inference.v1.DeployModelVersionRequest,
      tw.jipan.inference.v1.DeployModelVersionResponse> getDeployModelVersionMethod() {
    io.grpc.MethodDescriptor<tw.jipan.inference.v1.DeployModelVersionRequest, tw.jipan.inference.v1.DeployModelVersionResponse> getDeployModelVersionMethod;
    if ((getDeployModelVersionMethod = ModelRegistryServiceGrpc.getDeployModelVersionMethod) == null) {
      synchronized (ModelRegistryServiceGrpc.class) {
        if ((getDeployModelVersionMethod = ModelRegistryServiceGrpc.getDeployModelVersionMethod) == null) {
          ModelRegistryServiceGrpc.getDeployModelVersionMethod = getDeployModelVersionMethod =
              io.grpc.MethodDescriptor.<tw.jipan.inference.v1.DeployModelVersionRequest, tw.jipan.inference.v1.DeployModelVersionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeployModelVersion"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.inference.v1.DeployModelVersionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.inference.v1.DeployModelVersionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ModelRegistryServiceMethodDescriptorSupplier("DeployModelVersion"))
              .build();
        }
      }
    }
    return getDeployModelVersionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.inference.v1.UndeployModelVersionRequest,
      tw.jipan.inference.v1.UndeployModelVersionResponse> getUndeployModelVersionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UndeployModelVersion",
      requestType = tw.jipan.inference.v1.UndeployModelVersionRequest.class,
      responseType = tw.jipan.inference.v1.UndeployModelVersionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.inference.v1.UndeployModelVersionRequest,
      tw.jipan.inference.v1.UndeployModelVersionResponse> getUndeployModelVersionMethod() {
    io.grpc.MethodDescriptor<tw.jipan.inference.v1.UndeployModelVersionRequest, tw.jipan.inference.v1.UndeployModelVersionResponse> getUndeployModelVersionMethod;
    if ((getUndeployModelVersionMethod = ModelRegistryServiceGrpc.getUndeployModelVersionMethod) == null) {
      synchronized (ModelRegistryServiceGrpc.class) {
        if ((getUndeployModelVersionMethod = ModelRegistryServiceGrpc.getUndeployModelVersionMethod) == null) {
          ModelRegistryServiceGrpc.getUndeployModelVersionMethod = getUndeployModelVersionMethod =
              io.grpc.MethodDescriptor.<tw.jipan.inference.v1.UndeployModelVersionRequest, tw.jipan.inference.v1.UndeployModelVersionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UndeployModelVersion"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.inference.v1.UndeployModelVersionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.inference.v1.UndeployModelVersionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ModelRegistryServiceMethodDescriptorSupplier("UndeployModelVersion"))
              .build();
        }
      }
    }
    return getUndeployModelVersionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.inference.v1.GetOperationRequest,
      tw.jipan.inference.v1.GetOperationResponse> getGetOperationMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetOperation",
      requestType = tw.jipan.inference.v1.GetOperationRequest.class,
      responseType = tw.jipan.inference.v1.GetOperationResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.inference.v1.GetOperationRequest,
      tw.jipan.inference.v1.GetOperationResponse> getGetOperationMethod() {
    io.grpc.MethodDescriptor<tw.jipan.inference.v1.GetOperationRequest, tw.jipan.inference.v1.GetOperationResponse> getGetOperationMethod;
    if ((getGetOperationMethod = ModelRegistryServiceGrpc.getGetOperationMethod) == null) {
      synchronized (ModelRegistryServiceGrpc.class) {
        if ((getGetOperationMethod = ModelRegistryServiceGrpc.getGetOperationMethod) == null) {
          ModelRegistryServiceGrpc.getGetOperationMethod = getGetOperationMethod =
              io.grpc.MethodDescriptor.<tw.jipan.inference.v1.GetOperationRequest, tw.jipan.inference.v1.GetOperationResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetOperation"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.inference.v1.GetOperationRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.inference.v1.GetOperationResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ModelRegistryServiceMethodDescriptorSupplier("GetOperation"))
              .build();
        }
      }
    }
    return getGetOperationMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.inference.v1.ListOperationsRequest,
      tw.jipan.inference.v1.ListOperationsResponse> getListOperationsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListOperations",
      requestType = tw.jipan.inference.v1.ListOperationsRequest.class,
      responseType = tw.jipan.inference.v1.ListOperationsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.inference.v1.ListOperationsRequest,
      tw.jipan.inference.v1.ListOperationsResponse> getListOperationsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.inference.v1.ListOperationsRequest, tw.jipan.inference.v1.ListOperationsResponse> getListOperationsMethod;
    if ((getListOperationsMethod = ModelRegistryServiceGrpc.getListOperationsMethod) == null) {
      synchronized (ModelRegistryServiceGrpc.class) {
        if ((getListOperationsMethod = ModelRegistryServiceGrpc.getListOperationsMethod) == null) {
          ModelRegistryServiceGrpc.getListOperationsMethod = getListOperationsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.inference.v1.ListOperationsRequest, tw.jipan.inference.v1.ListOperationsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListOperations"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.inference.v1.ListOperationsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.inference.v1.ListOperationsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ModelRegistryServiceMethodDescriptorSupplier("ListOperations"))
              .build();
        }
      }
    }
    return getListOperationsMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static ModelRegistryServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ModelRegistryServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ModelRegistryServiceStub>() {
        @java.lang.Override
        public ModelRegistryServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ModelRegistryServiceStub(channel, callOptions);
        }
      };
    return ModelRegistryServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static ModelRegistryServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ModelRegistryServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ModelRegistryServiceBlockingStub>() {
        @java.lang.Override
        public ModelRegistryServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ModelRegistryServiceBlockingStub(channel, callOptions);
        }
      };
    return ModelRegistryServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static ModelRegistryServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ModelRegistryServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ModelRegistryServiceFutureStub>() {
        @java.lang.Override
        public ModelRegistryServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ModelRegistryServiceFutureStub(channel, callOptions);
        }
      };
    return ModelRegistryServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * The model registry: models ("models/{model}") owned by an organisation
   * (the token's `org`), their versions ("models/{model}/versions/{version}")
   * stored encrypted with their digest anchored on the ledger, int8
   * compression, and deployment on the serving backend (NVIDIA Triton) that
   * the Open Inference Protocol gateway (`inference.GRPCInferenceService`)
   * forwards to. Compression and (un)deployment are long-running operations.
   * A caller sees the models of its organisation, public models and models
   * shared with its organisation; only the owner changes a model.
   * </pre>
   */
  public static abstract class ModelRegistryServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Creates a model owned by the caller's organisation.
     * </pre>
     */
    public void createModel(tw.jipan.inference.v1.CreateModelRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.inference.v1.CreateModelResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateModelMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one model the caller may see.
     * </pre>
     */
    public void getModel(tw.jipan.inference.v1.GetModelRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.inference.v1.GetModelResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetModelMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the models the caller may see, by name.
     * </pre>
     */
    public void listModels(tw.jipan.inference.v1.ListModelsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.inference.v1.ListModelsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListModelsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (display_name, card,
     * visibility, shared_with) of a model of the caller's organisation.
     * </pre>
     */
    public void updateModel(tw.jipan.inference.v1.UpdateModelRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.inference.v1.UpdateModelResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateModelMethod(), responseObserver);
    }

    /**
     * <pre>
     * Stores the evaluation set compression is measured on: an .npz archive
     * with one array per model input, the first axis the sample.
     * </pre>
     */
    public void updateEvaluationSet(tw.jipan.inference.v1.UpdateEvaluationSetRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.inference.v1.UpdateEvaluationSetResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateEvaluationSetMethod(), responseObserver);
    }

    /**
     * <pre>
     * Uploads a new version: a header, then the ONNX bytes in chunks. The
     * SHA-256 is computed while the bytes stream in; they are stored encrypted
     * and their digest, uploader and card anchored on the ledger before the
     * call returns. A replayed `request_id` returns the version it created.
     * </pre>
     */
    public io.grpc.stub.StreamObserver<tw.jipan.inference.v1.UploadModelVersionRequest> uploadModelVersion(
        io.grpc.stub.StreamObserver<tw.jipan.inference.v1.UploadModelVersionResponse> responseObserver) {
      return io.grpc.stub.ServerCalls.asyncUnimplementedStreamingCall(getUploadModelVersionMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one version of a model the caller may see.
     * </pre>
     */
    public void getModelVersion(tw.jipan.inference.v1.GetModelVersionRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.inference.v1.GetModelVersionResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetModelVersionMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists a model's versions, newest first.
     * </pre>
     */
    public void listModelVersions(tw.jipan.inference.v1.ListModelVersionsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.inference.v1.ListModelVersionsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListModelVersionsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Deletes a version that is not deployed: its row and its sealed bytes.
     * Its provenance receipt stays on the ledger. A deployed version is
     * FAILED_PRECONDITION VERSION_DEPLOYED: undeploy it first.
     * </pre>
     */
    public void deleteModelVersion(tw.jipan.inference.v1.DeleteModelVersionRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.inference.v1.DeleteModelVersionResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteModelVersionMethod(), responseObserver);
    }

    /**
     * <pre>
     * Starts compressing a version to int8 weights. The operation's response is
     * the new version, published only when its fidelity on the evaluation set
     * reaches `min_cosine`; otherwise the operation fails with
     * FIDELITY_BELOW_THRESHOLD and nothing is stored.
     * </pre>
     */
    public void compressModelVersion(tw.jipan.inference.v1.CompressModelVersionRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.inference.v1.CompressModelVersionResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCompressModelVersionMethod(), responseObserver);
    }

    /**
     * <pre>
     * Starts deploying a version on the serving backend. Its stored bytes are
     * decrypted in memory and checked against the digest anchored on the
     * ledger first: a mismatch fails the operation with MODEL_TAMPERED.
     * </pre>
     */
    public void deployModelVersion(tw.jipan.inference.v1.DeployModelVersionRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.inference.v1.DeployModelVersionResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeployModelVersionMethod(), responseObserver);
    }

    /**
     * <pre>
     * Starts removing a version from the serving backend.
     * </pre>
     */
    public void undeployModelVersion(tw.jipan.inference.v1.UndeployModelVersionRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.inference.v1.UndeployModelVersionResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUndeployModelVersionMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns a long-running operation started by the caller's organisation.
     * </pre>
     */
    public void getOperation(tw.jipan.inference.v1.GetOperationRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.inference.v1.GetOperationResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetOperationMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the operations started by the caller's organisation, newest first.
     * </pre>
     */
    public void listOperations(tw.jipan.inference.v1.ListOperationsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.inference.v1.ListOperationsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListOperationsMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getCreateModelMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.inference.v1.CreateModelRequest,
                tw.jipan.inference.v1.CreateModelResponse>(
                  this, METHODID_CREATE_MODEL)))
          .addMethod(
            getGetModelMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.inference.v1.GetModelRequest,
                tw.jipan.inference.v1.GetModelResponse>(
                  this, METHODID_GET_MODEL)))
          .addMethod(
            getListModelsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.inference.v1.ListModelsRequest,
                tw.jipan.inference.v1.ListModelsResponse>(
                  this, METHODID_LIST_MODELS)))
          .addMethod(
            getUpdateModelMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.inference.v1.UpdateModelRequest,
                tw.jipan.inference.v1.UpdateModelResponse>(
                  this, METHODID_UPDATE_MODEL)))
          .addMethod(
            getUpdateEvaluationSetMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.inference.v1.UpdateEvaluationSetRequest,
                tw.jipan.inference.v1.UpdateEvaluationSetResponse>(
                  this, METHODID_UPDATE_EVALUATION_SET)))
          .addMethod(
            getUploadModelVersionMethod(),
            io.grpc.stub.ServerCalls.asyncClientStreamingCall(
              new MethodHandlers<
                tw.jipan.inference.v1.UploadModelVersionRequest,
                tw.jipan.inference.v1.UploadModelVersionResponse>(
                  this, METHODID_UPLOAD_MODEL_VERSION)))
          .addMethod(
            getGetModelVersionMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.inference.v1.GetModelVersionRequest,
                tw.jipan.inference.v1.GetModelVersionResponse>(
                  this, METHODID_GET_MODEL_VERSION)))
          .addMethod(
            getListModelVersionsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.inference.v1.ListModelVersionsRequest,
                tw.jipan.inference.v1.ListModelVersionsResponse>(
                  this, METHODID_LIST_MODEL_VERSIONS)))
          .addMethod(
            getDeleteModelVersionMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.inference.v1.DeleteModelVersionRequest,
                tw.jipan.inference.v1.DeleteModelVersionResponse>(
                  this, METHODID_DELETE_MODEL_VERSION)))
          .addMethod(
            getCompressModelVersionMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.inference.v1.CompressModelVersionRequest,
                tw.jipan.inference.v1.CompressModelVersionResponse>(
                  this, METHODID_COMPRESS_MODEL_VERSION)))
          .addMethod(
            getDeployModelVersionMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.inference.v1.DeployModelVersionRequest,
                tw.jipan.inference.v1.DeployModelVersionResponse>(
                  this, METHODID_DEPLOY_MODEL_VERSION)))
          .addMethod(
            getUndeployModelVersionMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.inference.v1.UndeployModelVersionRequest,
                tw.jipan.inference.v1.UndeployModelVersionResponse>(
                  this, METHODID_UNDEPLOY_MODEL_VERSION)))
          .addMethod(
            getGetOperationMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.inference.v1.GetOperationRequest,
                tw.jipan.inference.v1.GetOperationResponse>(
                  this, METHODID_GET_OPERATION)))
          .addMethod(
            getListOperationsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.inference.v1.ListOperationsRequest,
                tw.jipan.inference.v1.ListOperationsResponse>(
                  this, METHODID_LIST_OPERATIONS)))
          .build();
    }
  }

  /**
   * <pre>
   * The model registry: models ("models/{model}") owned by an organisation
   * (the token's `org`), their versions ("models/{model}/versions/{version}")
   * stored encrypted with their digest anchored on the ledger, int8
   * compression, and deployment on the serving backend (NVIDIA Triton) that
   * the Open Inference Protocol gateway (`inference.GRPCInferenceService`)
   * forwards to. Compression and (un)deployment are long-running operations.
   * A caller sees the models of its organisation, public models and models
   * shared with its organisation; only the owner changes a model.
   * </pre>
   */
  public static final class ModelRegistryServiceStub extends io.grpc.stub.AbstractAsyncStub<ModelRegistryServiceStub> {
    private ModelRegistryServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ModelRegistryServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ModelRegistryServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a model owned by the caller's organisation.
     * </pre>
     */
    public void createModel(tw.jipan.inference.v1.CreateModelRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.inference.v1.CreateModelResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateModelMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one model the caller may see.
     * </pre>
     */
    public void getModel(tw.jipan.inference.v1.GetModelRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.inference.v1.GetModelResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetModelMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the models the caller may see, by name.
     * </pre>
     */
    public void listModels(tw.jipan.inference.v1.ListModelsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.inference.v1.ListModelsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListModelsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (display_name, card,
     * visibility, shared_with) of a model of the caller's organisation.
     * </pre>
     */
    public void updateModel(tw.jipan.inference.v1.UpdateModelRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.inference.v1.UpdateModelResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateModelMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Stores the evaluation set compression is measured on: an .npz archive
     * with one array per model input, the first axis the sample.
     * </pre>
     */
    public void updateEvaluationSet(tw.jipan.inference.v1.UpdateEvaluationSetRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.inference.v1.UpdateEvaluationSetResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateEvaluationSetMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Uploads a new version: a header, then the ONNX bytes in chunks. The
     * SHA-256 is computed while the bytes stream in; they are stored encrypted
     * and their digest, uploader and card anchored on the ledger before the
     * call returns. A replayed `request_id` returns the version it created.
     * </pre>
     */
    public io.grpc.stub.StreamObserver<tw.jipan.inference.v1.UploadModelVersionRequest> uploadModelVersion(
        io.grpc.stub.StreamObserver<tw.jipan.inference.v1.UploadModelVersionResponse> responseObserver) {
      return io.grpc.stub.ClientCalls.asyncClientStreamingCall(
          getChannel().newCall(getUploadModelVersionMethod(), getCallOptions()), responseObserver);
    }

    /**
     * <pre>
     * Returns one version of a model the caller may see.
     * </pre>
     */
    public void getModelVersion(tw.jipan.inference.v1.GetModelVersionRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.inference.v1.GetModelVersionResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetModelVersionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists a model's versions, newest first.
     * </pre>
     */
    public void listModelVersions(tw.jipan.inference.v1.ListModelVersionsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.inference.v1.ListModelVersionsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListModelVersionsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Deletes a version that is not deployed: its row and its sealed bytes.
     * Its provenance receipt stays on the ledger. A deployed version is
     * FAILED_PRECONDITION VERSION_DEPLOYED: undeploy it first.
     * </pre>
     */
    public void deleteModelVersion(tw.jipan.inference.v1.DeleteModelVersionRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.inference.v1.DeleteModelVersionResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteModelVersionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Starts compressing a version to int8 weights. The operation's response is
     * the new version, published only when its fidelity on the evaluation set
     * reaches `min_cosine`; otherwise the operation fails with
     * FIDELITY_BELOW_THRESHOLD and nothing is stored.
     * </pre>
     */
    public void compressModelVersion(tw.jipan.inference.v1.CompressModelVersionRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.inference.v1.CompressModelVersionResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCompressModelVersionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Starts deploying a version on the serving backend. Its stored bytes are
     * decrypted in memory and checked against the digest anchored on the
     * ledger first: a mismatch fails the operation with MODEL_TAMPERED.
     * </pre>
     */
    public void deployModelVersion(tw.jipan.inference.v1.DeployModelVersionRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.inference.v1.DeployModelVersionResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeployModelVersionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Starts removing a version from the serving backend.
     * </pre>
     */
    public void undeployModelVersion(tw.jipan.inference.v1.UndeployModelVersionRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.inference.v1.UndeployModelVersionResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUndeployModelVersionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns a long-running operation started by the caller's organisation.
     * </pre>
     */
    public void getOperation(tw.jipan.inference.v1.GetOperationRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.inference.v1.GetOperationResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetOperationMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the operations started by the caller's organisation, newest first.
     * </pre>
     */
    public void listOperations(tw.jipan.inference.v1.ListOperationsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.inference.v1.ListOperationsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListOperationsMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * The model registry: models ("models/{model}") owned by an organisation
   * (the token's `org`), their versions ("models/{model}/versions/{version}")
   * stored encrypted with their digest anchored on the ledger, int8
   * compression, and deployment on the serving backend (NVIDIA Triton) that
   * the Open Inference Protocol gateway (`inference.GRPCInferenceService`)
   * forwards to. Compression and (un)deployment are long-running operations.
   * A caller sees the models of its organisation, public models and models
   * shared with its organisation; only the owner changes a model.
   * </pre>
   */
  public static final class ModelRegistryServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<ModelRegistryServiceBlockingStub> {
    private ModelRegistryServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ModelRegistryServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ModelRegistryServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a model owned by the caller's organisation.
     * </pre>
     */
    public tw.jipan.inference.v1.CreateModelResponse createModel(tw.jipan.inference.v1.CreateModelRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateModelMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one model the caller may see.
     * </pre>
     */
    public tw.jipan.inference.v1.GetModelResponse getModel(tw.jipan.inference.v1.GetModelRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetModelMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the models the caller may see, by name.
     * </pre>
     */
    public tw.jipan.inference.v1.ListModelsResponse listModels(tw.jipan.inference.v1.ListModelsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListModelsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (display_name, card,
     * visibility, shared_with) of a model of the caller's organisation.
     * </pre>
     */
    public tw.jipan.inference.v1.UpdateModelResponse updateModel(tw.jipan.inference.v1.UpdateModelRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateModelMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Stores the evaluation set compression is measured on: an .npz archive
     * with one array per model input, the first axis the sample.
     * </pre>
     */
    public tw.jipan.inference.v1.UpdateEvaluationSetResponse updateEvaluationSet(tw.jipan.inference.v1.UpdateEvaluationSetRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateEvaluationSetMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one version of a model the caller may see.
     * </pre>
     */
    public tw.jipan.inference.v1.GetModelVersionResponse getModelVersion(tw.jipan.inference.v1.GetModelVersionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetModelVersionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists a model's versions, newest first.
     * </pre>
     */
    public tw.jipan.inference.v1.ListModelVersionsResponse listModelVersions(tw.jipan.inference.v1.ListModelVersionsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListModelVersionsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes a version that is not deployed: its row and its sealed bytes.
     * Its provenance receipt stays on the ledger. A deployed version is
     * FAILED_PRECONDITION VERSION_DEPLOYED: undeploy it first.
     * </pre>
     */
    public tw.jipan.inference.v1.DeleteModelVersionResponse deleteModelVersion(tw.jipan.inference.v1.DeleteModelVersionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteModelVersionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Starts compressing a version to int8 weights. The operation's response is
     * the new version, published only when its fidelity on the evaluation set
     * reaches `min_cosine`; otherwise the operation fails with
     * FIDELITY_BELOW_THRESHOLD and nothing is stored.
     * </pre>
     */
    public tw.jipan.inference.v1.CompressModelVersionResponse compressModelVersion(tw.jipan.inference.v1.CompressModelVersionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCompressModelVersionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Starts deploying a version on the serving backend. Its stored bytes are
     * decrypted in memory and checked against the digest anchored on the
     * ledger first: a mismatch fails the operation with MODEL_TAMPERED.
     * </pre>
     */
    public tw.jipan.inference.v1.DeployModelVersionResponse deployModelVersion(tw.jipan.inference.v1.DeployModelVersionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeployModelVersionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Starts removing a version from the serving backend.
     * </pre>
     */
    public tw.jipan.inference.v1.UndeployModelVersionResponse undeployModelVersion(tw.jipan.inference.v1.UndeployModelVersionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUndeployModelVersionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns a long-running operation started by the caller's organisation.
     * </pre>
     */
    public tw.jipan.inference.v1.GetOperationResponse getOperation(tw.jipan.inference.v1.GetOperationRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetOperationMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the operations started by the caller's organisation, newest first.
     * </pre>
     */
    public tw.jipan.inference.v1.ListOperationsResponse listOperations(tw.jipan.inference.v1.ListOperationsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListOperationsMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * The model registry: models ("models/{model}") owned by an organisation
   * (the token's `org`), their versions ("models/{model}/versions/{version}")
   * stored encrypted with their digest anchored on the ledger, int8
   * compression, and deployment on the serving backend (NVIDIA Triton) that
   * the Open Inference Protocol gateway (`inference.GRPCInferenceService`)
   * forwards to. Compression and (un)deployment are long-running operations.
   * A caller sees the models of its organisation, public models and models
   * shared with its organisation; only the owner changes a model.
   * </pre>
   */
  public static final class ModelRegistryServiceFutureStub extends io.grpc.stub.AbstractFutureStub<ModelRegistryServiceFutureStub> {
    private ModelRegistryServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ModelRegistryServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ModelRegistryServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a model owned by the caller's organisation.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.inference.v1.CreateModelResponse> createModel(
        tw.jipan.inference.v1.CreateModelRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateModelMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one model the caller may see.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.inference.v1.GetModelResponse> getModel(
        tw.jipan.inference.v1.GetModelRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetModelMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the models the caller may see, by name.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.inference.v1.ListModelsResponse> listModels(
        tw.jipan.inference.v1.ListModelsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListModelsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (display_name, card,
     * visibility, shared_with) of a model of the caller's organisation.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.inference.v1.UpdateModelResponse> updateModel(
        tw.jipan.inference.v1.UpdateModelRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateModelMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Stores the evaluation set compression is measured on: an .npz archive
     * with one array per model input, the first axis the sample.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.inference.v1.UpdateEvaluationSetResponse> updateEvaluationSet(
        tw.jipan.inference.v1.UpdateEvaluationSetRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateEvaluationSetMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one version of a model the caller may see.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.inference.v1.GetModelVersionResponse> getModelVersion(
        tw.jipan.inference.v1.GetModelVersionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetModelVersionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists a model's versions, newest first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.inference.v1.ListModelVersionsResponse> listModelVersions(
        tw.jipan.inference.v1.ListModelVersionsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListModelVersionsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Deletes a version that is not deployed: its row and its sealed bytes.
     * Its provenance receipt stays on the ledger. A deployed version is
     * FAILED_PRECONDITION VERSION_DEPLOYED: undeploy it first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.inference.v1.DeleteModelVersionResponse> deleteModelVersion(
        tw.jipan.inference.v1.DeleteModelVersionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteModelVersionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Starts compressing a version to int8 weights. The operation's response is
     * the new version, published only when its fidelity on the evaluation set
     * reaches `min_cosine`; otherwise the operation fails with
     * FIDELITY_BELOW_THRESHOLD and nothing is stored.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.inference.v1.CompressModelVersionResponse> compressModelVersion(
        tw.jipan.inference.v1.CompressModelVersionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCompressModelVersionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Starts deploying a version on the serving backend. Its stored bytes are
     * decrypted in memory and checked against the digest anchored on the
     * ledger first: a mismatch fails the operation with MODEL_TAMPERED.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.inference.v1.DeployModelVersionResponse> deployModelVersion(
        tw.jipan.inference.v1.DeployModelVersionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeployModelVersionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Starts removing a version from the serving backend.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.inference.v1.UndeployModelVersionResponse> undeployModelVersion(
        tw.jipan.inference.v1.UndeployModelVersionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUndeployModelVersionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns a long-running operation started by the caller's organisation.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.inference.v1.GetOperationResponse> getOperation(
        tw.jipan.inference.v1.GetOperationRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetOperationMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the operations started by the caller's organisation, newest first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.inference.v1.ListOperationsResponse> listOperations(
        tw.jipan.inference.v1.ListOperationsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListOperationsMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_MODEL = 0;
  private static final int METHODID_GET_MODEL = 1;
  private static final int METHODID_LIST_MODELS = 2;
  private static final int METHODID_UPDATE_MODEL = 3;
  private static final int METHODID_UPDATE_EVALUATION_SET = 4;
  private static final int METHODID_GET_MODEL_VERSION = 5;
  private static final int METHODID_LIST_MODEL_VERSIONS = 6;
  private static final int METHODID_DELETE_MODEL_VERSION = 7;
  private static final int METHODID_COMPRESS_MODEL_VERSION = 8;
  private static final int METHODID_DEPLOY_MODEL_VERSION = 9;
  private static final int METHODID_UNDEPLOY_MODEL_VERSION = 10;
  private static final int METHODID_GET_OPERATION = 11;
  private static final int METHODID_LIST_OPERATIONS = 12;
  private static final int METHODID_UPLOAD_MODEL_VERSION = 13;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final ModelRegistryServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(ModelRegistryServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_CREATE_MODEL:
          serviceImpl.createModel((tw.jipan.inference.v1.CreateModelRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.inference.v1.CreateModelResponse>) responseObserver);
          break;
        case METHODID_GET_MODEL:
          serviceImpl.getModel((tw.jipan.inference.v1.GetModelRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.inference.v1.GetModelResponse>) responseObserver);
          break;
        case METHODID_LIST_MODELS:
          serviceImpl.listModels((tw.jipan.inference.v1.ListModelsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.inference.v1.ListModelsResponse>) responseObserver);
          break;
        case METHODID_UPDATE_MODEL:
          serviceImpl.updateModel((tw.jipan.inference.v1.UpdateModelRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.inference.v1.UpdateModelResponse>) responseObserver);
          break;
        case METHODID_UPDATE_EVALUATION_SET:
          serviceImpl.updateEvaluationSet((tw.jipan.inference.v1.UpdateEvaluationSetRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.inference.v1.UpdateEvaluationSetResponse>) responseObserver);
          break;
        case METHODID_GET_MODEL_VERSION:
          serviceImpl.getModelVersion((tw.jipan.inference.v1.GetModelVersionRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.inference.v1.GetModelVersionResponse>) responseObserver);
          break;
        case METHODID_LIST_MODEL_VERSIONS:
          serviceImpl.listModelVersions((tw.jipan.inference.v1.ListModelVersionsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.inference.v1.ListModelVersionsResponse>) responseObserver);
          break;
        case METHODID_DELETE_MODEL_VERSION:
          serviceImpl.deleteModelVersion((tw.jipan.inference.v1.DeleteModelVersionRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.inference.v1.DeleteModelVersionResponse>) responseObserver);
          break;
        case METHODID_COMPRESS_MODEL_VERSION:
          serviceImpl.compressModelVersion((tw.jipan.inference.v1.CompressModelVersionRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.inference.v1.CompressModelVersionResponse>) responseObserver);
          break;
        case METHODID_DEPLOY_MODEL_VERSION:
          serviceImpl.deployModelVersion((tw.jipan.inference.v1.DeployModelVersionRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.inference.v1.DeployModelVersionResponse>) responseObserver);
          break;
        case METHODID_UNDEPLOY_MODEL_VERSION:
          serviceImpl.undeployModelVersion((tw.jipan.inference.v1.UndeployModelVersionRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.inference.v1.UndeployModelVersionResponse>) responseObserver);
          break;
        case METHODID_GET_OPERATION:
          serviceImpl.getOperation((tw.jipan.inference.v1.GetOperationRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.inference.v1.GetOperationResponse>) responseObserver);
          break;
        case METHODID_LIST_OPERATIONS:
          serviceImpl.listOperations((tw.jipan.inference.v1.ListOperationsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.inference.v1.ListOperationsResponse>) responseObserver);
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
        case METHODID_UPLOAD_MODEL_VERSION:
          return (io.grpc.stub.StreamObserver<Req>) serviceImpl.uploadModelVersion(
              (io.grpc.stub.StreamObserver<tw.jipan.inference.v1.UploadModelVersionResponse>) responseObserver);
        default:
          throw new AssertionError();
      }
    }
  }

  private static abstract class ModelRegistryServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    ModelRegistryServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.inference.v1.ModelRegistryServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("ModelRegistryService");
    }
  }

  private static final class ModelRegistryServiceFileDescriptorSupplier
      extends ModelRegistryServiceBaseDescriptorSupplier {
    ModelRegistryServiceFileDescriptorSupplier() {}
  }

  private static final class ModelRegistryServiceMethodDescriptorSupplier
      extends ModelRegistryServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    ModelRegistryServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (ModelRegistryServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new ModelRegistryServiceFileDescriptorSupplier())
              .addMethod(getCreateModelMethod())
              .addMethod(getGetModelMethod())
              .addMethod(getListModelsMethod())
              .addMethod(getUpdateModelMethod())
              .addMethod(getUpdateEvaluationSetMethod())
              .addMethod(getUploadModelVersionMethod())
              .addMethod(getGetModelVersionMethod())
              .addMethod(getListModelVersionsMethod())
              .addMethod(getDeleteModelVersionMethod())
              .addMethod(getCompressModelVersionMethod())
              .addMethod(getDeployModelVersionMethod())
              .addMethod(getUndeployModelVersionMethod())
              .addMethod(getGetOperationMethod())
              .addMethod(getListOperationsMethod())
              .build();
        }
      }
    }
    return result;
  }
}
