using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Qunyun.Api;

/// <summary>Declares the bearer API key in the OpenAPI document so the reference UI can send it.</summary>
internal sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Qunyun API";
        document.Info.Description = "Community operations: groups, members, tags. Authenticate with `Authorization: Bearer qy_…` (create a key under Settings → API keys or with `qunyun apikey create`).";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["ApiKey"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A workspace API key (qy_…).",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKey", document)] = [] });
        return Task.CompletedTask;
    }
}
