using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Qunyun.Tests.Infrastructure;

/// <summary>Every /api/v1 endpoint the host maps, so security tests cover new endpoints without being told.</summary>
public sealed record ApiEndpoint(string Method, string Pattern, bool TakesBody)
{
    public bool Writes => Method is "POST" or "PUT" or "PATCH" or "DELETE";
    public bool HasRouteValues => Pattern.Contains('{');

    public static IReadOnlyList<ApiEndpoint> All(QunyunApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1") == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => new ApiEndpoint(m, e.RoutePattern.RawText!.TrimEnd('/'), e.Metadata.GetMetadata<IAcceptsMetadata>() is not null)))
            .Distinct()
            .OrderBy(e => e.Pattern).ThenBy(e => e.Method)
            .ToList();

    /// <summary>The URL with each {name:constraint} replaced by the id the resolver gives for the segment before it.</summary>
    public string Url(Func<string, object> idFor)
    {
        var segments = Pattern.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].StartsWith('{'))
            {
                segments[i] = idFor(segments[i - 1]).ToString()!;
            }
        }

        return string.Join('/', segments);
    }

    public override string ToString() => $"{Method} {Pattern}";
}
