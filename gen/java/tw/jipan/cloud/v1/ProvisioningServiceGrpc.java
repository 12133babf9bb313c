package tw.jipan.cloud.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Provisioning a placement's plan through provider accounts, as AIP-151
 * long-running operations kept in a durable state machine: a restarted
 * server resumes every unfinished operation; capacity and quota errors fall
 * over to the placement's next plan; a deployment with `expire_time` is torn
 * down when it passes; every step is in the audit trail.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/cloud/v1/provisioning_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class ProvisioningServiceGrpc {

  private ProvisioningServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.cloud.v1.ProvisioningService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.cloud.v1.CreateDeploymentRequest,
      tw.jipan.cloud.v1.CreateDeploymentResponse> getCreateDeploymentMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateDeployment",
      requestType = tw.jipan.cloud.v1.CreateDeploymentRequest.class,
      responseType = tw.jipan.cloud.v1.CreateDeploymentResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.cloud.v1.CreateDeploymentRequest,
      tw.jipan.cloud.v1.CreateDeploymentResponse> getCreateDeploymentMethod() {
    io.grpc.MethodDescriptor<tw.jipan.cloud.v1.CreateDeploymentRequest, tw.jipan.cloud.v1.CreateDeploymentResponse> getCreateDeploymentMethod;
    if ((getCreateDeploymentMethod = ProvisioningServiceGrpc.getCreateDeploymentMethod) == null) {
      synchronized (ProvisioningServiceGrpc.class) {
        if ((getCreateDeploymentMethod = ProvisioningServiceGrpc.getCreateDeploymentMethod) == null) {
          ProvisioningServiceGrpc.getCreateDeploymentMethod = getCreateDeploymentMethod =
              io.grpc.MethodDescriptor.<tw.jipan.cloud.v1.CreateDeploymentRequest, tw.jipan.cloud.v1.CreateDeploymentResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateDeployment"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.CreateDeploymentRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.CreateDeploymentResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ProvisioningServiceMethodDescriptorSupplier("CreateDeployment"))
              .build();
        }
      }
    }
    return getCreateDeploymentMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.cloud.v1.GetDeploymentRequest,
      tw.jipan.cloud.v1.GetDeploymentResponse> getGetDeploymentMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetDeployment",
      requestType = tw.jipan.cloud.v1.GetDeploymentRequest.class,
      responseType = tw.jipan.cloud.v1.GetDeploymentResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.cloud.v1.GetDeploymentRequest,
      tw.jipan.cloud.v1.GetDeploymentResponse> getGetDeploymentMethod() {
    io.grpc.MethodDescriptor<tw.jipan.cloud.v1.GetDeploymentRequest, tw.jipan.cloud.v1.GetDeploymentResponse> getGetDeploymentMethod;
    if ((getGetDeploymentMethod = ProvisioningServiceGrpc.getGetDeploymentMethod) == null) {
      synchronized (ProvisioningServiceGrpc.class) {
        if ((getGetDeploymentMethod = ProvisioningServiceGrpc.getGetDeploymentMethod) == null) {
          ProvisioningServiceGrpc.getGetDeploymentMethod = getGetDeploymentMethod =
              io.grpc.MethodDescriptor.<tw.jipan.cloud.v1.GetDeploymentRequest, tw.jipan.cloud.v1.GetDeploymentResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetDeployment"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.GetDeploymentRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.GetDeploymentResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ProvisioningServiceMethodDescriptorSupplier("GetDeployment"))
              .build();
        }
      }
    }
    return getGetDeploymentMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ListDeploymentsRequest,
      tw.jipan.cloud.v1.ListDeploymentsResponse> getListDeploymentsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListDeployments",
      requestType = tw.jipan.cloud.v1.ListDeploymentsRequest.class,
      responseType = tw.jipan.cloud.v1.ListDeploymentsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ListDeploymentsRequest,
      tw.jipan.cloud.v1.ListDeploymentsResponse> getListDeploymentsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ListDeploymentsRequest, tw.jipan.cloud.v1.ListDeploymentsResponse> getListDeploymentsMethod;
    if ((getListDeploymentsMethod = ProvisioningServiceGrpc.getListDeploymentsMethod) == null) {
      synchronized (ProvisioningServiceGrpc.class) {
        if ((getListDeploymentsMethod = ProvisioningServiceGrpc.getListDeploymentsMethod) == null) {
          ProvisioningServiceGrpc.getListDeploymentsMethod = getListDeploymentsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.cloud.v1.ListDeploymentsRequest, tw.jipan.cloud.v1.ListDeploymentsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListDeployments"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.ListDeploymentsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.ListDeploymentsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ProvisioningServiceMethodDescriptorSupplier("ListDeployments"))
              .build();
        }
      }
    }
    return getListDeploymentsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.cloud.v1.StartDeploymentRequest,
      tw.jipan.cloud.v1.StartDeploymentResponse> getStartDeploymentMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "StartDeployment",
      requestType = tw.jipan.cloud.v1.StartDeploymentRequest.class,
      responseType = tw.jipan.cloud.v1.StartDeploymentResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.cloud.v1.StartDeploymentRequest,
      tw.jipan.cloud.v1.StartDeploymentResponse> getStartDeploymentMethod() {
    io.grpc.MethodDescriptor<tw.jipan.cloud.v1.StartDeploymentRequest, tw.jipan.cloud.v1.StartDeploymentResponse> getStartDeploymentMethod;
    if ((getStartDeploymentMethod = ProvisioningServiceGrpc.getStartDeploymentMethod) == null) {
      synchronized (ProvisioningServiceGrpc.class) {
        if ((getStartDeploymentMethod = ProvisioningServiceGrpc.getStartDeploymentMethod) == null) {
          ProvisioningServiceGrpc.getStartDeploymentMethod = getStartDeploymentMethod =
              io.grpc.MethodDescriptor.<tw.jipan.cloud.v1.StartDeploymentRequest, tw.jipan.cloud.v1.StartDeploymentResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "StartDeployment"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.StartDeploymentRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.StartDeploymentResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ProvisioningServiceMethodDescriptorSupplier("StartDeployment"))
              .build();
        }
      }
    }
    return getStartDeploymentMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.cloud.v1.StopDeploymentRequest,
      tw.jipan.cloud.v1.StopDeploymentResponse> getStopDeploymentMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "StopDeployment",
      requestType = tw.jipan.cloud.v1.StopDeploymentRequest.class,
      responseType = tw.jipan.cloud.v1.StopDeploymentResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.cloud.v1.StopDeploymentRequest,
      tw.jipan.cloud.v1.StopDeploymentResponse> getStopDeploymentMethod() {
    io.grpc.MethodDescriptor<tw.jipan.cloud.v1.StopDeploymentRequest, tw.jipan.cloud.v1.StopDeploymentResponse> getStopDeploymentMethod;
    if ((getStopDeploymentMethod = ProvisioningServiceGrpc.getStopDeploymentMethod) == null) {
      synchronized (ProvisioningServiceGrpc.class) {
        if ((getStopDeploymentMethod = ProvisioningServiceGrpc.getStopDeploymentMethod) == null) {
          ProvisioningServiceGrpc.getStopDeploymentMethod = getStopDeploymentMethod =
              io.grpc.MethodDescriptor.<tw.jipan.cloud.v1.StopDeploymentRequest, tw.jipan.cloud.v1.StopDeploymentResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "StopDeployment"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.StopDeploymentRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.StopDeploymentResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ProvisioningServiceMethodDescriptorSupplier("StopDeployment"))
              .build();
        }
      }
    }
    return getStopDeploymentMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.cloud.v1.DeleteDeploymentRequest,
      tw.jipan.cloud.v1.DeleteDeploymentResponse> getDeleteDeploymentMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteDeployment",
      requestType = tw.jipan.cloud.v1.DeleteDeploymentRequest.class,
      responseType = tw.jipan.cloud.v1.DeleteDeploymentResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.cloud.v1.DeleteDeploymentRequest,
      tw.jipan.cloud.v1.DeleteDeploymentResponse> getDeleteDeploymentMethod() {
    io.grpc.MethodDescriptor<tw.jipan.cloud.v1.DeleteDeploymentRequest, tw.jipan.cloud.v1.DeleteDeploymentResponse> getDeleteDeploymentMethod;
    if ((getDeleteDeploymentMethod = ProvisioningServiceGrpc.getDeleteDeploymentMethod) == null) {
      synchronized (ProvisioningServiceGrpc.class) {
        if ((getDeleteDeploymentMethod = ProvisioningServiceGrpc.getDeleteDeploymentMethod) == null) {
          ProvisioningServiceGrpc.getDeleteDeploymentMethod = getDeleteDeploymentMethod =
              io.grpc.MethodDescriptor.<tw.jipan.cloud.v1.DeleteDeploymentRequest, tw.jipan.cloud.v1.DeleteDeploymentResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteDeployment"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.DeleteDeploymentRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.DeleteDeploymentResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ProvisioningServiceMethodDescriptorSupplier("DeleteDeployment"))
              .build();
        }
      }
    }
    return getDeleteDeploymentMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.cloud.v1.GetOperationRequest,
      tw.jipan.cloud.v1.GetOperationResponse> getGetOperationMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetOperation",
      requestType = tw.jipan.cloud.v1.GetOperationRequest.class,
      responseType = tw.jipan.cloud.v1.GetOperationResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.cloud.v1.GetOperationRequest,
      tw.jipan.cloud.v1.GetOperationResponse> getGetOperationMethod() {
    io.grpc.MethodDescriptor<tw.jipan.cloud.v1.GetOperationRequest, tw.jipan.cloud.v1.GetOperationResponse> getGetOperationMethod;
    if ((getGetOperationMethod = ProvisioningServiceGrpc.getGetOperationMethod) == null) {
      synchronized (ProvisioningServiceGrpc.class) {
        if ((getGetOperationMethod = ProvisioningServiceGrpc.getGetOperationMethod) == null) {
          ProvisioningServiceGrpc.getGetOperationMethod = getGetOperationMethod =
              io.grpc.MethodDescriptor.<tw.jipan.cloud.v1.GetOperationRequest, tw.jipan.cloud.v1.GetOperationResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetOperation"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.GetOperationRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.GetOperationResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ProvisioningServiceMethodDescriptorSupplier("GetOperation"))
              .build();
        }
      }
    }
    return getGetOperationMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ListOperationsRequest,
      tw.jipan.cloud.v1.ListOperationsResponse> getListOperationsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListOperations",
      requestType = tw.jipan.cloud.v1.ListOperationsRequest.class,
      responseType = tw.jipan.cloud.v1.ListOperationsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ListOperationsRequest,
      tw.jipan.cloud.v1.ListOperationsResponse> getListOperationsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ListOperationsRequest, tw.jipan.cloud.v1.ListOperationsResponse> getListOperationsMethod;
    if ((getListOperationsMethod = ProvisioningServiceGrpc.getListOperationsMethod) == null) {
      synchronized (ProvisioningServiceGrpc.class) {
        if ((getListOperationsMethod = ProvisioningServiceGrpc.getListOperationsMethod) == null) {
          ProvisioningServiceGrpc.getListOperationsMethod = getListOperationsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.cloud.v1.ListOperationsRequest, tw.jipan.cloud.v1.ListOperationsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListOperations"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.ListOperationsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.ListOperationsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ProvisioningServiceMethodDescriptorSupplier("ListOperations"))
              .build();
        }
      }
    }
    return getListOperationsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ListAuditEntriesRequest,
      tw.jipan.cloud.v1.ListAuditEntriesResponse> getListAuditEntriesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListAuditEntries",
      requestType = tw.jipan.cloud.v1.ListAuditEntriesRequest.class,
      responseType = tw.jipan.cloud.v1.ListAuditEntriesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ListAuditEntriesRequest,
      tw.jipan.cloud.v1.ListAuditEntriesResponse> getListAuditEntriesMethod() {
    io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ListAuditEntriesRequest, tw.jipan.cloud.v1.ListAuditEntriesResponse> getListAuditEntriesMethod;
    if ((getListAuditEntriesMethod = ProvisioningServiceGrpc.getListAuditEntriesMethod) == null) {
      synchronized (ProvisioningServiceGrpc.class) {
        if ((getListAuditEntriesMethod = ProvisioningServiceGrpc.getListAuditEntriesMethod) == null) {
          ProvisioningServiceGrpc.getListAuditEntriesMethod = getListAuditEntriesMethod =
              io.grpc.MethodDescriptor.<tw.jipan.cloud.v1.ListAuditEntriesRequest, tw.jipan.cloud.v1.ListAuditEntriesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListAuditEntries"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.ListAuditEntriesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.ListAuditEntriesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ProvisioningServiceMethodDescriptorSupplier("ListAuditEntries"))
              .build();
        }
      }
    }
    return getListAuditEntriesMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static ProvisioningServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ProvisioningServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ProvisioningServiceStub>() {
        @java.lang.Override
        public ProvisioningServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ProvisioningServiceStub(channel, callOptions);
        }
      };
    return ProvisioningServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static ProvisioningServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ProvisioningServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ProvisioningServiceBlockingStub>() {
        @java.lang.Override
        public ProvisioningServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ProvisioningServiceBlockingStub(channel, callOptions);
        }
      };
    return ProvisioningServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static ProvisioningServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ProvisioningServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ProvisioningServiceFutureStub>() {
        @java.lang.Override
        public ProvisioningServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ProvisioningServiceFutureStub(channel, callOptions);
        }
      };
    return ProvisioningServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Provisioning a placement's plan through provider accounts, as AIP-151
   * long-running operations kept in a durable state machine: a restarted
   * server resumes every unfinished operation; capacity and quota errors fall
   * over to the placement's next plan; a deployment with `expire_time` is torn
   * down when it passes; every step is in the audit trail.
   * </pre>
   */
  public static abstract class ProvisioningServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Starts creating a deployment from a placement's cheapest plan. A
     * replayed `request_id` returns the first operation.
     * </pre>
     */
    public void createDeployment(tw.jipan.cloud.v1.CreateDeploymentRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.CreateDeploymentResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateDeploymentMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one deployment.
     * </pre>
     */
    public void getDeployment(tw.jipan.cloud.v1.GetDeploymentRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.GetDeploymentResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetDeploymentMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the caller's organisation's deployments, oldest first.
     * </pre>
     */
    public void listDeployments(tw.jipan.cloud.v1.ListDeploymentsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ListDeploymentsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListDeploymentsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Starts a deployment's stopped instances.
     * </pre>
     */
    public void startDeployment(tw.jipan.cloud.v1.StartDeploymentRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.StartDeploymentResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getStartDeploymentMethod(), responseObserver);
    }

    /**
     * <pre>
     * Stops a deployment's instances (storage stays).
     * </pre>
     */
    public void stopDeployment(tw.jipan.cloud.v1.StopDeploymentRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.StopDeploymentResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getStopDeploymentMethod(), responseObserver);
    }

    /**
     * <pre>
     * Tears a deployment down: terminates its instances and deletes its
     * buckets.
     * </pre>
     */
    public void deleteDeployment(tw.jipan.cloud.v1.DeleteDeploymentRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.DeleteDeploymentResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteDeploymentMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one operation.
     * </pre>
     */
    public void getOperation(tw.jipan.cloud.v1.GetOperationRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.GetOperationResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetOperationMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the caller's organisation's operations, newest first.
     * </pre>
     */
    public void listOperations(tw.jipan.cloud.v1.ListOperationsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ListOperationsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListOperationsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists a deployment's or migration's audit trail, oldest first.
     * </pre>
     */
    public void listAuditEntries(tw.jipan.cloud.v1.ListAuditEntriesRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ListAuditEntriesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListAuditEntriesMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getCreateDeploymentMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.cloud.v1.CreateDeploymentRequest,
                tw.jipan.cloud.v1.CreateDeploymentResponse>(
                  this, METHODID_CREATE_DEPLOYMENT)))
          .addMethod(
            getGetDeploymentMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.cloud.v1.GetDeploymentRequest,
                tw.jipan.cloud.v1.GetDeploymentResponse>(
                  this, METHODID_GET_DEPLOYMENT)))
          .addMethod(
            getListDeploymentsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.cloud.v1.ListDeploymentsRequest,
                tw.jipan.cloud.v1.ListDeploymentsResponse>(
                  this, METHODID_LIST_DEPLOYMENTS)))
          .addMethod(
            getStartDeploymentMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.cloud.v1.StartDeploymentRequest,
                tw.jipan.cloud.v1.StartDeploymentResponse>(
                  this, METHODID_START_DEPLOYMENT)))
          .addMethod(
            getStopDeploymentMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.cloud.v1.StopDeploymentRequest,
                tw.jipan.cloud.v1.StopDeploymentResponse>(
                  this, METHODID_STOP_DEPLOYMENT)))
          .addMethod(
            getDeleteDeploymentMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.cloud.v1.DeleteDeploymentRequest,
                tw.jipan.cloud.v1.DeleteDeploymentResponse>(
                  this, METHODID_DELETE_DEPLOYMENT)))
          .addMethod(
            getGetOperationMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.cloud.v1.GetOperationRequest,
                tw.jipan.cloud.v1.GetOperationResponse>(
                  this, METHODID_GET_OPERATION)))
          .addMethod(
            getListOperationsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.cloud.v1.ListOperationsRequest,
                tw.jipan.cloud.v1.ListOperationsResponse>(
                  this, METHODID_LIST_OPERATIONS)))
          .addMethod(
            getListAuditEntriesMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.cloud.v1.ListAuditEntriesRequest,
                tw.jipan.cloud.v1.ListAuditEntriesResponse>(
                  this, METHODID_LIST_AUDIT_ENTRIES)))
          .build();
    }
  }

  /**
   * <pre>
   * Provisioning a placement's plan through provider accounts, as AIP-151
   * long-running operations kept in a durable state machine: a restarted
   * server resumes every unfinished operation; capacity and quota errors fall
   * over to the placement's next plan; a deployment with `expire_time` is torn
   * down when it passes; every step is in the audit trail.
   * </pre>
   */
  public static final class ProvisioningServiceStub extends io.grpc.stub.AbstractAsyncStub<ProvisioningServiceStub> {
    private ProvisioningServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ProvisioningServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ProvisioningServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Starts creating a deployment from a placement's cheapest plan. A
     * replayed `request_id` returns the first operation.
     * </pre>
     */
    public void createDeployment(tw.jipan.cloud.v1.CreateDeploymentRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.CreateDeploymentResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateDeploymentMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one deployment.
     * </pre>
     */
    public void getDeployment(tw.jipan.cloud.v1.GetDeploymentRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.GetDeploymentResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetDeploymentMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the caller's organisation's deployments, oldest first.
     * </pre>
     */
    public void listDeployments(tw.jipan.cloud.v1.ListDeploymentsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ListDeploymentsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListDeploymentsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Starts a deployment's stopped instances.
     * </pre>
     */
    public void startDeployment(tw.jipan.cloud.v1.StartDeploymentRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.StartDeploymentResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getStartDeploymentMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Stops a deployment's instances (storage stays).
     * </pre>
     */
    public void stopDeployment(tw.jipan.cloud.v1.StopDeploymentRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.StopDeploymentResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getStopDeploymentMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Tears a deployment down: terminates its instances and deletes its
     * buckets.
     * </pre>
     */
    public void deleteDeployment(tw.jipan.cloud.v1.DeleteDeploymentRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.DeleteDeploymentResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteDeploymentMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one operation.
     * </pre>
     */
    public void getOperation(tw.jipan.cloud.v1.GetOperationRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.GetOperationResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetOperationMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the caller's organisation's operations, newest first.
     * </pre>
     */
    public void listOperations(tw.jipan.cloud.v1.ListOperationsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ListOperationsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListOperationsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists a deployment's or migration's audit trail, oldest first.
     * </pre>
     */
    public void listAuditEntries(tw.jipan.cloud.v1.ListAuditEntriesRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ListAuditEntriesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListAuditEntriesMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * Provisioning a placement's plan through provider accounts, as AIP-151
   * long-running operations kept in a durable state machine: a restarted
   * server resumes every unfinished operation; capacity and quota errors fall
   * over to the placement's next plan; a deployment with `expire_time` is torn
   * down when it passes; every step is in the audit trail.
   * </pre>
   */
  public static final class ProvisioningServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<ProvisioningServiceBlockingStub> {
    private ProvisioningServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ProvisioningServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ProvisioningServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Starts creating a deployment from a placement's cheapest plan. A
     * replayed `request_id` returns the first operation.
     * </pre>
     */
    public tw.jipan.cloud.v1.CreateDeploymentResponse createDeployment(tw.jipan.cloud.v1.CreateDeploymentRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateDeploymentMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one deployment.
     * </pre>
     */
    public tw.jipan.cloud.v1.GetDeploymentResponse getDeployment(tw.jipan.cloud.v1.GetDeploymentRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetDeploymentMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the caller's organisation's deployments, oldest first.
     * </pre>
     */
    public tw.jipan.cloud.v1.ListDeploymentsResponse listDeployments(tw.jipan.cloud.v1.ListDeploymentsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListDeploymentsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Starts a deployment's stopped instances.
     * </pre>
     */
    public tw.jipan.cloud.v1.StartDeploymentResponse startDeployment(tw.jipan.cloud.v1.StartDeploymentRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getStartDeploymentMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Stops a deployment's instances (storage stays).
     * </pre>
     */
    public tw.jipan.cloud.v1.StopDeploymentResponse stopDeployment(tw.jipan.cloud.v1.StopDeploymentRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getStopDeploymentMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Tears a deployment down: terminates its instances and deletes its
     * buckets.
     * </pre>
     */
    public tw.jipan.cloud.v1.DeleteDeploymentResponse deleteDeployment(tw.jipan.cloud.v1.DeleteDeploymentRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteDeploymentMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one operation.
     * </pre>
     */
    public tw.jipan.cloud.v1.GetOperationResponse getOperation(tw.jipan.cloud.v1.GetOperationRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetOperationMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the caller's organisation's operations, newest first.
     * </pre>
     */
    public tw.jipan.cloud.v1.ListOperationsResponse listOperations(tw.jipan.cloud.v1.ListOperationsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListOperationsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists a deployment's or migration's audit trail, oldest first.
     * </pre>
     */
    public tw.jipan.cloud.v1.ListAuditEntriesResponse listAuditEntries(tw.jipan.cloud.v1.ListAuditEntriesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListAuditEntriesMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * Provisioning a placement's plan through provider accounts, as AIP-151
   * long-running operations kept in a durable state machine: a restarted
   * server resumes every unfinished operation; capacity and quota errors fall
   * over to the placement's next plan; a deployment with `expire_time` is torn
   * down when it passes; every step is in the audit trail.
   * </pre>
   */
  public static final class ProvisioningServiceFutureStub extends io.grpc.stub.AbstractFutureStub<ProvisioningServiceFutureStub> {
    private ProvisioningServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ProvisioningServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ProvisioningServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Starts creating a deployment from a placement's cheapest plan. A
     * replayed `request_id` returns the first operation.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.cloud.v1.CreateDeploymentResponse> createDeployment(
        tw.jipan.cloud.v1.CreateDeploymentRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateDeploymentMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one deployment.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.cloud.v1.GetDeploymentResponse> getDeployment(
        tw.jipan.cloud.v1.GetDeploymentRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetDeploymentMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the caller's organisation's deployments, oldest first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.cloud.v1.ListDeploymentsResponse> listDeployments(
        tw.jipan.cloud.v1.ListDeploymentsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListDeploymentsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Starts a deployment's stopped instances.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.cloud.v1.StartDeploymentResponse> startDeployment(
        tw.jipan.cloud.v1.StartDeploymentRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getStartDeploymentMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Stops a deployment's instances (storage stays).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.cloud.v1.StopDeploymentResponse> stopDeployment(
        tw.jipan.cloud.v1.StopDeploymentRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getStopDeploymentMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Tears a deployment down: terminates its instances and deletes its
     * buckets.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.cloud.v1.DeleteDeploymentResponse> deleteDeployment(
        tw.jipan.cloud.v1.DeleteDeploymentRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteDeploymentMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one operation.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.cloud.v1.GetOperationResponse> getOperation(
        tw.jipan.cloud.v1.GetOperationRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetOperationMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the caller's organisation's operations, newest first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.cloud.v1.ListOperationsResponse> listOperations(
        tw.jipan.cloud.v1.ListOperationsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListOperationsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists a deployment's or migration's audit trail, oldest first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.cloud.v1.ListAuditEntriesResponse> listAuditEntries(
        tw.jipan.cloud.v1.ListAuditEntriesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListAuditEntriesMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_DEPLOYMENT = 0;
  private static final int METHODID_GET_DEPLOYMENT = 1;
  private static final int METHODID_LIST_DEPLOYMENTS = 2;
  private static final int METHODID_START_DEPLOYMENT = 3;
  private static final int METHODID_STOP_DEPLOYMENT = 4;
  private static final int METHODID_DELETE_DEPLOYMENT = 5;
  private static final int METHODID_GET_OPERATION = 6;
  private static final int METHODID_LIST_OPERATIONS = 7;
  private static final int METHODID_LIST_AUDIT_ENTRIES = 8;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final ProvisioningServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(ProvisioningServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_CREATE_DEPLOYMENT:
          serviceImpl.createDeployment((tw.jipan.cloud.v1.CreateDeploymentRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.CreateDeploymentResponse>) responseObserver);
          break;
        case METHODID_GET_DEPLOYMENT:
          serviceImpl.getDeployment((tw.jipan.cloud.v1.GetDeploymentRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.GetDeploymentResponse>) responseObserver);
          break;
        case METHODID_LIST_DEPLOYMENTS:
          serviceImpl.listDeployments((tw.jipan.cloud.v1.ListDeploymentsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ListDeploymentsResponse>) responseObserver);
          break;
        case METHODID_START_DEPLOYMENT:
          serviceImpl.startDeployment((tw.jipan.cloud.v1.StartDeploymentRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.StartDeploymentResponse>) responseObserver);
          break;
        case METHODID_STOP_DEPLOYMENT:
          serviceImpl.stopDeployment((tw.jipan.cloud.v1.StopDeploymentRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.StopDeploymentResponse>) responseObserver);
          break;
        case METHODID_DELETE_DEPLOYMENT:
          serviceImpl.deleteDeployment((tw.jipan.cloud.v1.DeleteDeploymentRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.DeleteDeploymentResponse>) responseObserver);
          break;
        case METHODID_GET_OPERATION:
          serviceImpl.getOperation((tw.jipan.cloud.v1.GetOperationRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.GetOperationResponse>) responseObserver);
          break;
        case METHODID_LIST_OPERATIONS:
          serviceImpl.listOperations((tw.jipan.cloud.v1.ListOperationsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ListOperationsResponse>) responseObserver);
          break;
        case METHODID_LIST_AUDIT_ENTRIES:
          serviceImpl.listAuditEntries((tw.jipan.cloud.v1.ListAuditEntriesRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ListAuditEntriesResponse>) responseObserver);
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

  private static abstract class ProvisioningServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    ProvisioningServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.cloud.v1.ProvisioningServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("ProvisioningService");
    }
  }

  private static final class ProvisioningServiceFileDescriptorSupplier
      extends ProvisioningServiceBaseDescriptorSupplier {
    ProvisioningServiceFileDescriptorSupplier() {}
  }

  private static final class ProvisioningServiceMethodDescriptorSupplier
      extends ProvisioningServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    ProvisioningServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (ProvisioningServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new ProvisioningServiceFileDescriptorSupplier())
              .addMethod(getCreateDeploymentMethod())
              .addMethod(getGetDeploymentMethod())
              .addMethod(getListDeploymentsMethod())
              .addMethod(getStartDeploymentMethod())
              .addMethod(getStopDeploymentMethod())
              .addMethod(getDeleteDeploymentMethod())
              .addMethod(getGetOperationMethod())
              .addMethod(getListOperationsMethod())
              .addMethod(getListAuditEntriesMethod())
              .build();
        }
      }
    }
    return result;
  }
}
