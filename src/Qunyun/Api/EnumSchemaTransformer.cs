using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Qunyun.Api;

/// <summary>
/// The schema generator cannot see through <see cref="DefinedEnumConverter"/> (a custom converter) and would describe
/// enums as "anything"; this gives them back their names.
/// </summary>
internal sealed class EnumSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type.IsEnum)
        {
            schema.Type = JsonSchemaType.String;
            schema.Enum = Enum.GetNames(context.JsonTypeInfo.Type).Select(name => (JsonNode)JsonValue.Create(name)).ToList();
        }

        return Task.CompletedTask;
    }
}
