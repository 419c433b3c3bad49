using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Qunyun.Api;

/// <summary>
/// Query and route enums bind through Enum.TryParse, which takes any number ("?sort=99"); this filter answers a 400
/// naming the parameter instead of letting such a value reach a switch. Bodies are covered by <see cref="DefinedEnumConverter"/>.
/// </summary>
public static class EnumArguments
{
    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var enums = context.MethodInfo.GetParameters()
            .Select((parameter, index) => (Name: NameOf(parameter), Index: index, Type: Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType))
            .Where(p => p.Type.IsEnum)
            .ToArray();
        if (enums.Length == 0)
        {
            return next;
        }

        return invocation =>
        {
            var errors = new FieldErrors();
            foreach (var (name, index, type) in enums)
            {
                if (invocation.Arguments[index] is { } value && !EnumValues.IsDefined(type, value))
                {
                    errors.Add(name, EnumValues.Refusal(type, value));
                }
            }

            return errors.Any ? ValueTask.FromResult<object?>(errors.ToProblem()) : next(invocation);
        };
    }

    private static string NameOf(ParameterInfo parameter) =>
        parameter.GetCustomAttributes().OfType<IFromQueryMetadata>().FirstOrDefault()?.Name
        ?? parameter.GetCustomAttributes().OfType<IFromRouteMetadata>().FirstOrDefault()?.Name
        ?? parameter.Name!;
}
