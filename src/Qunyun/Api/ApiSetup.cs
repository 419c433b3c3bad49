using Microsoft.AspNetCore.Authorization;
using Qunyun.Features.Accounts;
using Qunyun.Features.ApiKeys;

namespace Qunyun.Api;

public static class ApiSetup
{
    public static IHostApplicationBuilder AddApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.AddValidation();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new DefinedEnumConverter()));
        // Binding failures throw so that ApiExceptionHandler can answer a 400 naming the field, not a bare 400.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityTransformer>().AddSchemaTransformer<EnumSchemaTransformer>());
        return builder;
    }

    /// <summary>The /api/v1 route group: API-key authentication, any role may read.</summary>
    public static RouteGroupBuilder MapApiV1(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/v1")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = ApiKeyAuthenticationOptions.Scheme, Policy = Policies.Read })
            .DisableAntiforgery()
            .AddEndpointFilterFactory(EnumArguments.Filter);
}
