using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Qunyun.Tests.Architecture;

/// <summary>Every reference from a type of one feature folder to a type of another, read from the compiled host.</summary>
public sealed record FeatureReference(string From, string FromType, string To, string ToType);

public static class FeatureReferences
{
    private const string Prefix = "Qunyun.Features.";

    public static IReadOnlyList<FeatureReference> Read(string assemblyPath)
    {
        using var assembly = AssemblyDefinition.ReadAssembly(assemblyPath);
        var found = new HashSet<FeatureReference>();
        foreach (var type in assembly.MainModule.Types.SelectMany(Nested))
        {
            var owner = Outermost(type);
            if (FeatureOf(owner.Namespace) is not { } from)
            {
                continue;
            }

            foreach (var target in Referenced(type))
            {
                var top = Outermost(target);
                if (FeatureOf(top.Namespace) is { } to && to != from)
                {
                    found.Add(new FeatureReference(from, owner.FullName, to, top.FullName));
                }
            }
        }
        return [.. found.OrderBy(r => r.From).ThenBy(r => r.To).ThenBy(r => r.FromType).ThenBy(r => r.ToType)];
    }

    /// <summary>The feature folder of a namespace: <c>Qunyun.Features.Connectors.Webhook</c> is <c>Connectors</c>.</summary>
    public static string? FeatureOf(string ns) =>
        ns.StartsWith(Prefix, StringComparison.Ordinal) ? ns[Prefix.Length..].Split('.')[0] : null;

    private static IEnumerable<TypeDefinition> Nested(TypeDefinition type) =>
        type.NestedTypes.SelectMany(Nested).Prepend(type);

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    private static IEnumerable<TypeReference> Referenced(TypeDefinition type)
    {
        var refs = new List<TypeReference>();
        if (type.BaseType is not null)
        {
            refs.Add(type.BaseType);
        }

        refs.AddRange(type.Interfaces.Select(i => i.InterfaceType));
        refs.AddRange(Attributes(type));
        foreach (var field in type.Fields)
        {
            refs.Add(field.FieldType);
            refs.AddRange(Attributes(field));
        }
        foreach (var property in type.Properties)
        {
            refs.Add(property.PropertyType);
            refs.AddRange(Attributes(property));
        }
        foreach (var method in type.Methods)
        {
            refs.Add(method.ReturnType);
            refs.AddRange(method.Parameters.Select(p => p.ParameterType));
            refs.AddRange(Attributes(method));
            if (!method.HasBody)
            {
                continue;
            }

            refs.AddRange(method.Body.Variables.Select(v => v.VariableType));
            foreach (var instruction in method.Body.Instructions)
            {
                refs.AddRange(Operand(instruction));
            }
        }
        return refs.SelectMany(Expand);
    }

    private static IEnumerable<TypeReference> Attributes(ICustomAttributeProvider provider) =>
        provider.CustomAttributes.SelectMany(a => a.ConstructorArguments
            .Concat(a.Properties.Select(p => p.Argument))
            .Select(arg => arg.Value).OfType<TypeReference>()
            .Prepend(a.AttributeType));

    private static IEnumerable<TypeReference> Operand(Instruction instruction) => instruction.Operand switch
    {
        TypeReference t => [t],
        MethodReference m => MethodTypes(m),
        FieldReference f => [f.DeclaringType, f.FieldType],
        _ => [],
    };

    private static IEnumerable<TypeReference> MethodTypes(MethodReference method)
    {
        yield return method.DeclaringType;
        yield return method.ReturnType;
        foreach (var p in method.Parameters)
        {
            yield return p.ParameterType;
        }

        if (method is GenericInstanceMethod generic)
        {
            foreach (var arg in generic.GenericArguments)
            {
                yield return arg;
            }
        }
    }

    private static IEnumerable<TypeReference> Expand(TypeReference type) => type switch
    {
        GenericInstanceType g => g.GenericArguments.SelectMany(Expand).Prepend(g.ElementType),
        TypeSpecification s => Expand(s.ElementType),
        GenericParameter => [],
        _ => [type],
    };
}
