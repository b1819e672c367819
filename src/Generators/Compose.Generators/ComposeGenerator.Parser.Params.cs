using System.Collections.Generic;
using System.Threading;
using Compose.Composition;
using Microsoft.CodeAnalysis;

namespace Compose.Generators
{
    internal static partial class Parser
    {
        /// <summary>
        /// The library class of uklibparam. A library that declares parameters requires it: its parser reads them
        /// at boot, so it must be in every composition that has parameters.
        /// </summary>
        public const string LibParamLibrary = "global::Compose.Libraries.UkLibParam.LibParamParser";

        /// <summary>The <c>[UkParam]</c> members of a library class, in parameter-name order, with their problems.</summary>
        private static List<ParamSpec> ParseParams(INamedTypeSymbol type, string library, KnownTypes kt, bool internalsVisible, List<DiagnosticInfo> diags, CancellationToken ct)
        {
            var result = new List<ParamSpec>();
            if (kt.Param is null) return result;
            var seen = new Dictionary<string, string>(System.StringComparer.Ordinal);
            foreach (var member in type.GetMembers())
            {
                if (member is not IFieldSymbol && member is not IPropertySymbol) continue;
                foreach (var a in member.GetAttributes())
                {
                    if (!KnownTypes.Is(a.AttributeClass, kt.Param)) continue;
                    var spec = ParseParam(member, a, library, internalsVisible, diags, ct);
                    if (spec is null) continue;
                    if (seen.TryGetValue(spec.Name, out var other))
                    {
                        diags.Add(DiagnosticInfo.Create(DiagnosticCatalog.DuplicateParam, spec.Location, library + "." + spec.Name, type.Name + "." + other, type.Name + "." + member.Name));
                        continue;
                    }
                    seen[spec.Name] = member.Name;
                    result.Add(spec);
                }
            }
            result.Sort((x, y) => string.CompareOrdinal(x.Name, y.Name));
            return result;
        }

        /// <summary>One <c>[UkParam]</c> member; null (with a diagnostic) when it cannot be a parameter.</summary>
        public static ParamSpec? ParseParam(ISymbol member, AttributeData a, string library, bool internalsVisible, List<DiagnosticInfo> diags, CancellationToken ct)
        {
            var where = ArgumentRef(a, 0, ct);
            string name = a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is string n ? n : "";
            string label = (library.Length == 0 ? "?" : library) + "." + name;
            string memberLabel = member.ContainingType.Name + "." + member.Name;
            if (!LibraryValidator.IsName(name))
            {
                diags.Add(DiagnosticInfo.Create(DiagnosticCatalog.BadParamDeclaration, where, label,
                    "the name '" + name + "' must be lower-case letters, digits and '_', starting with a letter"));
                return null;
            }

            ITypeSymbol valueType;
            string? problem = null;
            if (member is IFieldSymbol field)
            {
                valueType = field.Type;
                if (!field.IsStatic) problem = "must be static";
                else if (field.IsConst) problem = "must not be const";
                else if (field.IsReadOnly) problem = "must not be readonly";
                else if (!Accessible(field, internalsVisible)) problem = "must be public";
            }
            else
            {
                var property = (IPropertySymbol)member;
                valueType = property.Type;
                if (!property.IsStatic) problem = "must be static";
                else if (property.SetMethod is null || property.SetMethod.IsInitOnly) problem = "needs a set accessor";
                else if (!Accessible(property, internalsVisible) || !Accessible(property.SetMethod, internalsVisible)) problem = "and its set accessor must be public";
            }
            if (problem != null)
            {
                diags.Add(DiagnosticInfo.Create(DiagnosticCatalog.BadParamMember, ToRef(member.Locations.Length > 0 ? member.Locations[0] : null) ?? where, memberLabel, problem));
                return null;
            }

            ParamKind kind;
            switch (valueType.SpecialType)
            {
                case SpecialType.System_Boolean: kind = ParamKind.Bool; break;
                case SpecialType.System_Int32: kind = ParamKind.Int; break;
                case SpecialType.System_Int64: kind = ParamKind.Long; break;
                case SpecialType.System_String: kind = ParamKind.String; break;
                default:
                    diags.Add(DiagnosticInfo.Create(DiagnosticCatalog.UnsupportedParamType, where, label, memberLabel, valueType.ToDisplayString()));
                    return null;
            }

            long? min = NamedLong(a, "Min"), max = NamedLong(a, "Max");
            string? rangeProblem = null;
            if ((min.HasValue || max.HasValue) && (kind == ParamKind.Bool || kind == ParamKind.String))
                rangeProblem = "Min and Max apply to int and long parameters only";
            else if (kind == ParamKind.Int && ((min ?? 0) < int.MinValue || (max ?? 0) > int.MaxValue || (min ?? 0) > int.MaxValue || (max ?? 0) < int.MinValue))
                rangeProblem = "Min and Max of an int parameter must lie within the range of int";
            else if ((min ?? long.MinValue) > (max ?? long.MaxValue))
                rangeProblem = "Min is greater than Max";
            if (rangeProblem != null)
            {
                diags.Add(DiagnosticInfo.Create(DiagnosticCatalog.BadParamDeclaration, NamedArgumentRef(a, min.HasValue ? "Min" : "Max", ct), label, rangeProblem));
                return null;
            }
            if (kind == ParamKind.Int)
            {
                min ??= int.MinValue;
                max ??= int.MaxValue;
            }
            return new ParamSpec(name, member.Name, kind, min, max, Named(a, "Help"), where);
        }
    }
}
