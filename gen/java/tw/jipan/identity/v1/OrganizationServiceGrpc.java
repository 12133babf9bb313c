package tw.jipan.identity.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Organisations (agencies, vendors, others) and their members. Every method
 * needs a person's token; membership and the "admin" role are checked against
 * the stored memberships of the organisation named in the request, never
 * against the token's `org` claim.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/identity/v1/organization_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class OrganizationServiceGrpc {

  private OrganizationServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.identity.v1.OrganizationService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.identity.v1.CreateOrganizationRequest,
      tw.jipan.identity.v1.CreateOrganizationResponse> getCreateOrganizationMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateOrganization",
      requestType = tw.jipan.identity.v1.CreateOrganizationRequest.class,
      responseType = tw.jipan.identity.v1.CreateOrganizationResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.identity.v1.CreateOrganizationRequest,
      tw.jipan.identity.v1.CreateOrganizationResponse> getCreateOrganizationMethod() {
    io.grpc.MethodDescriptor<tw.jipan.identity.v1.CreateOrganizationRequest, tw.jipan.identity.v1.CreateOrganizationResponse> getCreateOrganizationMethod;
    if ((getCreateOrganizationMethod = OrganizationServiceGrpc.getCreateOrganizationMethod) == null) {
      synchronized (OrganizationServiceGrpc.class) {
        if ((getCreateOrganizationMethod = OrganizationServiceGrpc.getCreateOrganizationMethod) == null) {
          OrganizationServiceGrpc.getCreateOrganizationMethod = getCreateOrganizationMethod =
              io.grpc.MethodDescriptor.<tw.jipan.identity.v1.CreateOrganizationRequest, tw.jipan.identity.v1.CreateOrganizationResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateOrganization"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.CreateOrganizationRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.CreateOrganizationResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OrganizationServiceMethodDescriptorSupplier("CreateOrganization"))
              .build();
        }
      }
    }
    return getCreateOrganizationMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.identity.v1.GetOrganizationRequest,
      tw.jipan.identity.v1.GetOrganizationResponse> getGetOrganizationMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetOrganization",
      requestType = tw.jipan.identity.v1.GetOrganizationRequest.class,
      responseType = tw.jipan.identity.v1.GetOrganizationResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.identity.v1.GetOrganizationRequest,
      tw.jipan.identity.v1.GetOrganizationResponse> getGetOrganizationMethod() {
    io.grpc.MethodDescriptor<tw.jipan.identity.v1.GetOrganizationRequest, tw.jipan.identity.v1.GetOrganizationResponse> getGetOrganizationMethod;
    if ((getGetOrganizationMethod = OrganizationServiceGrpc.getGetOrganizationMethod) == null) {
      synchronized (OrganizationServiceGrpc.class) {
        if ((getGetOrganizationMethod = OrganizationServiceGrpc.getGetOrganizationMethod) == null) {
          OrganizationServiceGrpc.getGetOrganizationMethod = getGetOrganizationMethod =
              io.grpc.MethodDescriptor.<tw.jipan.identity.v1.GetOrganizationRequest, tw.jipan.identity.v1.GetOrganizationResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetOrganization"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.GetOrganizationRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.GetOrganizationResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OrganizationServiceMethodDescriptorSupplier("GetOrganization"))
              .build();
        }
      }
    }
    return getGetOrganizationMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.identity.v1.ListOrganizationsRequest,
      tw.jipan.identity.v1.ListOrganizationsResponse> getListOrganizationsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListOrganizations",
      requestType = tw.jipan.identity.v1.ListOrganizationsRequest.class,
      responseType = tw.jipan.identity.v1.ListOrganizationsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.identity.v1.ListOrganizationsRequest,
      tw.jipan.identity.v1.ListOrganizationsResponse> getListOrganizationsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.identity.v1.ListOrganizationsRequest, tw.jipan.identity.v1.ListOrganizationsResponse> getListOrganizationsMethod;
    if ((getListOrganizationsMethod = OrganizationServiceGrpc.getListOrganizationsMethod) == null) {
      synchronized (OrganizationServiceGrpc.class) {
        if ((getListOrganizationsMethod = OrganizationServiceGrpc.getListOrganizationsMethod) == null) {
          OrganizationServiceGrpc.getListOrganizationsMethod = getListOrganizationsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.identity.v1.ListOrganizationsRequest, tw.jipan.identity.v1.ListOrganizationsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListOrganizations"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.ListOrganizationsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.ListOrganizationsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OrganizationServiceMethodDescriptorSupplier("ListOrganizations"))
              .build();
        }
      }
    }
    return getListOrganizationsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.identity.v1.CreateMembershipRequest,
      tw.jipan.identity.v1.CreateMembershipResponse> getCreateMembershipMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateMembership",
      requestType = tw.jipan.identity.v1.CreateMembershipRequest.class,
      responseType = tw.jipan.identity.v1.CreateMembershipResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.identity.v1.CreateMembershipRequest,
      tw.jipan.identity.v1.CreateMembershipResponse> getCreateMembershipMethod() {
    io.grpc.MethodDescriptor<tw.jipan.identity.v1.CreateMembershipRequest, tw.jipan.identity.v1.CreateMembershipResponse> getCreateMembershipMethod;
    if ((getCreateMembershipMethod = OrganizationServiceGrpc.getCreateMembershipMethod) == null) {
      synchronized (OrganizationServiceGrpc.class) {
        if ((getCreateMembershipMethod = OrganizationServiceGrpc.getCreateMembershipMethod) == null) {
          OrganizationServiceGrpc.getCreateMembershipMethod = getCreateMembershipMethod =
              io.grpc.MethodDescriptor.<tw.jipan.identity.v1.CreateMembershipRequest, tw.jipan.identity.v1.CreateMembershipResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateMembership"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.CreateMembershipRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.CreateMembershipResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OrganizationServiceMethodDescriptorSupplier("CreateMembership"))
              .build();
        }
      }
    }
    return getCreateMembershipMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.identity.v1.UpdateMembershipRequest,
      tw.jipan.identity.v1.UpdateMembershipResponse> getUpdateMembershipMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateMembership",
      requestType = tw.jipan.identity.v1.UpdateMembershipRequest.class,
      responseType = tw.jipan.identity.v1.UpdateMembershipResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.identity.v1.UpdateMembershipRequest,
      tw.jipan.identity.v1.UpdateMembershipResponse> getUpdateMembershipMethod() {
    io.grpc.MethodDescriptor<tw.jipan.identity.v1.UpdateMembershipRequest, tw.jipan.identity.v1.UpdateMembershipResponse> getUpdateMembershipMethod;
    if ((getUpdateMembershipMethod = OrganizationServiceGrpc.getUpdateMembershipMethod) == null) {
      synchronized (OrganizationServiceGrpc.class) {
        if ((getUpdateMembershipMethod = OrganizationServiceGrpc.getUpdateMembershipMethod) == null) {
          OrganizationServiceGrpc.getUpdateMembershipMethod = getUpdateMembershipMethod =
              io.grpc.MethodDescriptor.<tw.jipan.identity.v1.UpdateMembershipRequest, tw.jipan.identity.v1.UpdateMembershipResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateMembership"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.UpdateMembershipRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.UpdateMembershipResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OrganizationServiceMethodDescriptorSupplier("UpdateMembership"))
              .build();
        }
      }
    }
    return getUpdateMembershipMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.identity.v1.DeleteMembershipRequest,
      tw.jipan.identity.v1.DeleteMembershipResponse> getDeleteMembershipMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteMembership",
      requestType = tw.jipan.identity.v1.DeleteMembershipRequest.class,
      responseType = tw.jipan.identity.v1.DeleteMembershipResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.identity.v1.DeleteMembershipRequest,
      tw.jipan.identity.v1.DeleteMembershipResponse> getDeleteMembershipMethod() {
    io.grpc.MethodDescriptor<tw.jipan.identity.v1.DeleteMembershipRequest, tw.jipan.identity.v1.DeleteMembershipResponse> getDeleteMembershipMethod;
    if ((getDeleteMembershipMethod = OrganizationServiceGrpc.getDeleteMembershipMethod) == null) {
      synchronized (OrganizationServiceGrpc.class) {
        if ((getDeleteMembershipMethod = OrganizationServiceGrpc.getDeleteMembershipMethod) == null) {
          OrganizationServiceGrpc.getDeleteMembershipMethod = getDeleteMembershipMethod =
              io.grpc.MethodDescriptor.<tw.jipan.identity.v1.DeleteMembershipRequest, tw.jipan.identity.v1.DeleteMembershipResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteMembership"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.DeleteMembershipRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.DeleteMembershipResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OrganizationServiceMethodDescriptorSupplier("DeleteMembership"))
              .build();
        }
      }
    }
    return getDeleteMembershipMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.identity.v1.ListMembershipsRequest,
      tw.jipan.identity.v1.ListMembershipsResponse> getListMembershipsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListMemberships",
      requestType = tw.jipan.identity.v1.ListMembershipsRequest.class,
      responseType = tw.jipan.identity.v1.ListMembershipsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.identity.v1.ListMembershipsRequest,
      tw.jipan.identity.v1.ListMembershipsResponse> getListMembershipsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.identity.v1.ListMembershipsRequest, tw.jipan.identity.v1.ListMembershipsResponse> getListMembershipsMethod;
    if ((getListMembershipsMethod = OrganizationServiceGrpc.getListMembershipsMethod) == null) {
      synchronized (OrganizationServiceGrpc.class) {
        if ((getListMembershipsMethod = OrganizationServiceGrpc.getListMembershipsMethod) == null) {
          OrganizationServiceGrpc.getListMembershipsMethod = getListMembershipsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.identity.v1.ListMembershipsRequest, tw.jipan.identity.v1.ListMembershipsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListMemberships"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.ListMembershipsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.ListMembershipsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OrganizationServiceMethodDescriptorSupplier("ListMemberships"))
              .build();
        }
      }
    }
    return getListMembershipsMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static OrganizationServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<OrganizationServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<OrganizationServiceStub>() {
        @java.lang.Override
        public OrganizationServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new OrganizationServiceStub(channel, callOptions);
        }
      };
    return OrganizationServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static OrganizationServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<OrganizationServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<OrganizationServiceBlockingStub>() {
        @java.lang.Override
        public OrganizationServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new OrganizationServiceBlockingStub(channel, callOptions);
        }
      };
    return OrganizationServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static OrganizationServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<OrganizationServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<OrganizationServiceFutureStub>() {
        @java.lang.Override
        public OrganizationServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new OrganizationServiceFutureStub(channel, callOptions);
        }
      };
    return OrganizationServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Organisations (agencies, vendors, others) and their members. Every method
   * needs a person's token; membership and the "admin" role are checked against
   * the stored memberships of the organisation named in the request, never
   * against the token's `org` claim.
   * </pre>
   */
  public static abstract class OrganizationServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Creates an organisation; the caller becomes its first admin.
     * </pre>
     */
    public void createOrganization(tw.jipan.identity.v1.CreateOrganizationRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.CreateOrganizationResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateOrganizationMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns an organisation the caller is a member of.
     * </pre>
     */
    public void getOrganization(tw.jipan.identity.v1.GetOrganizationRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.GetOrganizationResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetOrganizationMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the organisations the caller is a member of, by name.
     * </pre>
     */
    public void listOrganizations(tw.jipan.identity.v1.ListOrganizationsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.ListOrganizationsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListOrganizationsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Adds a person to an organisation (admins only).
     * </pre>
     */
    public void createMembership(tw.jipan.identity.v1.CreateMembershipRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.CreateMembershipResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateMembershipMethod(), responseObserver);
    }

    /**
     * <pre>
     * Changes a member's roles (admins only).
     * </pre>
     */
    public void updateMembership(tw.jipan.identity.v1.UpdateMembershipRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.UpdateMembershipResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateMembershipMethod(), responseObserver);
    }

    /**
     * <pre>
     * Removes a member (admins only; a member may also remove themselves).
     * </pre>
     */
    public void deleteMembership(tw.jipan.identity.v1.DeleteMembershipRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.DeleteMembershipResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteMembershipMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists an organisation's members (members only), by person name.
     * </pre>
     */
    public void listMemberships(tw.jipan.identity.v1.ListMembershipsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.ListMembershipsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListMembershipsMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getCreateOrganizationMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.identity.v1.CreateOrganizationRequest,
                tw.jipan.identity.v1.CreateOrganizationResponse>(
                  this, METHODID_CREATE_ORGANIZATION)))
          .addMethod(
            getGetOrganizationMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.identity.v1.GetOrganizationRequest,
                tw.jipan.identity.v1.GetOrganizationResponse>(
                  this, METHODID_GET_ORGANIZATION)))
          .addMethod(
            getListOrganizationsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.identity.v1.ListOrganizationsRequest,
                tw.jipan.identity.v1.ListOrganizationsResponse>(
                  this, METHODID_LIST_ORGANIZATIONS)))
          .addMethod(
            getCreateMembershipMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.identity.v1.CreateMembershipRequest,
                tw.jipan.identity.v1.CreateMembershipResponse>(
                  this, METHODID_CREATE_MEMBERSHIP)))
          .addMethod(
            getUpdateMembershipMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.identity.v1.UpdateMembershipRequest,
                tw.jipan.identity.v1.UpdateMembershipResponse>(
                  this, METHODID_UPDATE_MEMBERSHIP)))
          .addMethod(
            getDeleteMembershipMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.identity.v1.DeleteMembershipRequest,
                tw.jipan.identity.v1.DeleteMembershipResponse>(
                  this, METHODID_DELETE_MEMBERSHIP)))
          .addMethod(
            getListMembershipsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.identity.v1.ListMembershipsRequest,
                tw.jipan.identity.v1.ListMembershipsResponse>(
                  this, METHODID_LIST_MEMBERSHIPS)))
          .build();
    }
  }

  /**
   * <pre>
   * Organisations (agencies, vendors, others) and their members. Every method
   * needs a person's token; membership and the "admin" role are checked against
   * the stored memberships of the organisation named in the request, never
   * against the token's `org` claim.
   * </pre>
   */
  public static final class OrganizationServiceStub extends io.grpc.stub.AbstractAsyncStub<OrganizationServiceStub> {
    private OrganizationServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected OrganizationServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new OrganizationServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an organisation; the caller becomes its first admin.
     * </pre>
     */
    public void createOrganization(tw.jipan.identity.v1.CreateOrganizationRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.CreateOrganizationResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateOrganizationMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns an organisation the caller is a member of.
     * </pre>
     */
    public void getOrganization(tw.jipan.identity.v1.GetOrganizationRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.GetOrganizationResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetOrganizationMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the organisations the caller is a member of, by name.
     * </pre>
     */
    public void listOrganizations(tw.jipan.identity.v1.ListOrganizationsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.ListOrganizationsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListOrganizationsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Adds a person to an organisation (admins only).
     * </pre>
     */
    public void createMembership(tw.jipan.identity.v1.CreateMembershipRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.CreateMembershipResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateMembershipMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Changes a member's roles (admins only).
     * </pre>
     */
    public void updateMembership(tw.jipan.identity.v1.UpdateMembershipRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.UpdateMembershipResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateMembershipMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Removes a member (admins only; a member may also remove themselves).
     * </pre>
     */
    public void deleteMembership(tw.jipan.identity.v1.DeleteMembershipRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.DeleteMembershipResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteMembershipMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists an organisation's members (members only), by person name.
     * </pre>
     */
    public void listMemberships(tw.jipan.identity.v1.ListMembershipsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.ListMembershipsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListMembershipsMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * Organisations (agencies, vendors, others) and their members. Every method
   * needs a person's token; membership and the "admin" role are checked against
   * the stored memberships of the organisation named in the request, never
   * against the token's `org` claim.
   * </pre>
   */
  public static final class OrganizationServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<OrganizationServiceBlockingStub> {
    private OrganizationServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected OrganizationServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new OrganizationServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an organisation; the caller becomes its first admin.
     * </pre>
     */
    public tw.jipan.identity.v1.CreateOrganizationResponse createOrganization(tw.jipan.identity.v1.CreateOrganizationRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateOrganizationMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns an organisation the caller is a member of.
     * </pre>
     */
    public tw.jipan.identity.v1.GetOrganizationResponse getOrganization(tw.jipan.identity.v1.GetOrganizationRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetOrganizationMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the organisations the caller is a member of, by name.
     * </pre>
     */
    public tw.jipan.identity.v1.ListOrganizationsResponse listOrganizations(tw.jipan.identity.v1.ListOrganizationsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListOrganizationsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Adds a person to an organisation (admins only).
     * </pre>
     */
    public tw.jipan.identity.v1.CreateMembershipResponse createMembership(tw.jipan.identity.v1.CreateMembershipRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateMembershipMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Changes a member's roles (admins only).
     * </pre>
     */
    public tw.jipan.identity.v1.UpdateMembershipResponse updateMembership(tw.jipan.identity.v1.UpdateMembershipRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateMembershipMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Removes a member (admins only; a member may also remove themselves).
     * </pre>
     */
    public tw.jipan.identity.v1.DeleteMembershipResponse deleteMembership(tw.jipan.identity.v1.DeleteMembershipRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteMembershipMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists an organisation's members (members only), by person name.
     * </pre>
     */
    public tw.jipan.identity.v1.ListMembershipsResponse listMemberships(tw.jipan.identity.v1.ListMembershipsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListMembershipsMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * Organisations (agencies, vendors, others) and their members. Every method
   * needs a person's token; membership and the "admin" role are checked against
   * the stored memberships of the organisation named in the request, never
   * against the token's `org` claim.
   * </pre>
   */
  public static final class OrganizationServiceFutureStub extends io.grpc.stub.AbstractFutureStub<OrganizationServiceFutureStub> {
    private OrganizationServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected OrganizationServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new OrganizationServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an organisation; the caller becomes its first admin.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.identity.v1.CreateOrganizationResponse> createOrganization(
        tw.jipan.identity.v1.CreateOrganizationRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateOrganizationMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns an organisation the caller is a member of.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.identity.v1.GetOrganizationResponse> getOrganization(
        tw.jipan.identity.v1.GetOrganizationRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetOrganizationMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the organisations the caller is a member of, by name.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.identity.v1.ListOrganizationsResponse> listOrganizations(
        tw.jipan.identity.v1.ListOrganizationsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListOrganizationsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Adds a person to an organisation (admins only).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.identity.v1.CreateMembershipResponse> createMembership(
        tw.jipan.identity.v1.CreateMembershipRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateMembershipMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Changes a member's roles (admins only).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.identity.v1.UpdateMembershipResponse> updateMembership(
        tw.jipan.identity.v1.UpdateMembershipRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateMembershipMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Removes a member (admins only; a member may also remove themselves).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.identity.v1.DeleteMembershipResponse> deleteMembership(
        tw.jipan.identity.v1.DeleteMembershipRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteMembershipMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists an organisation's members (members only), by person name.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.identity.v1.ListMembershipsResponse> listMemberships(
        tw.jipan.identity.v1.ListMembershipsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListMembershipsMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_ORGANIZATION = 0;
  private static final int METHODID_GET_ORGANIZATION = 1;
  private static final int METHODID_LIST_ORGANIZATIONS = 2;
  private static final int METHODID_CREATE_MEMBERSHIP = 3;
  private static final int METHODID_UPDATE_MEMBERSHIP = 4;
  private static final int METHODID_DELETE_MEMBERSHIP = 5;
  private static final int METHODID_LIST_MEMBERSHIPS = 6;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final OrganizationServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(OrganizationServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_CREATE_ORGANIZATION:
          serviceImpl.createOrganization((tw.jipan.identity.v1.CreateOrganizationRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.identity.v1.CreateOrganizationResponse>) responseObserver);
          break;
        case METHODID_GET_ORGANIZATION:
          serviceImpl.getOrganization((tw.jipan.identity.v1.GetOrganizationRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.identity.v1.GetOrganizationResponse>) responseObserver);
          break;
        case METHODID_LIST_ORGANIZATIONS:
          serviceImpl.listOrganizations((tw.jipan.identity.v1.ListOrganizationsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.identity.v1.ListOrganizationsResponse>) responseObserver);
          break;
        case METHODID_CREATE_MEMBERSHIP:
          serviceImpl.createMembership((tw.jipan.identity.v1.CreateMembershipRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.identity.v1.CreateMembershipResponse>) responseObserver);
          break;
        case METHODID_UPDATE_MEMBERSHIP:
          serviceImpl.updateMembership((tw.jipan.identity.v1.UpdateMembershipRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.identity.v1.UpdateMembershipResponse>) responseObserver);
          break;
        case METHODID_DELETE_MEMBERSHIP:
          serviceImpl.deleteMembership((tw.jipan.identity.v1.DeleteMembershipRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.identity.v1.DeleteMembershipResponse>) responseObserver);
          break;
        case METHODID_LIST_MEMBERSHIPS:
          serviceImpl.listMemberships((tw.jipan.identity.v1.ListMembershipsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.identity.v1.ListMembershipsResponse>) responseObserver);
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

  private static abstract class OrganizationServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    OrganizationServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.identity.v1.OrganizationServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("OrganizationService");
    }
  }

  private static final class OrganizationServiceFileDescriptorSupplier
      extends OrganizationServiceBaseDescriptorSupplier {
    OrganizationServiceFileDescriptorSupplier() {}
  }

  private static final class OrganizationServiceMethodDescriptorSupplier
      extends OrganizationServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    OrganizationServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (OrganizationServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new OrganizationServiceFileDescriptorSupplier())
              .addMethod(getCreateOrganizationMethod())
              .addMethod(getGetOrganizationMethod())
              .addMethod(getListOrganizationsMethod())
              .addMethod(getCreateMembershipMethod())
              .addMethod(getUpdateMembershipMethod())
              .addMethod(getDeleteMembershipMethod())
              .addMethod(getListMembershipsMethod())
              .build();
        }
      }
    }
    return result;
  }
}
