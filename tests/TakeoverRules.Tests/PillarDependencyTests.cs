using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace TakeoverRules.Tests;

/// <summary>
/// The pillars (<c>TakeoverRules.Facts</c>, <c>TakeoverRules.Compensation</c>, …) depend only downward: no two of them
/// reach each other. The references are read from the compiled assembly (signatures, base types, attributes and the
/// tokens in every method body), so a dependency hidden in a lambda or a generated serializer counts as well.
/// </summary>
public sealed class PillarDependencyTests
{
    private static readonly PillarGraph Core = PillarGraph.Read(typeof(TakeoverRulesOptions).Assembly.Location);

    [Fact]
    public void No_two_pillars_of_the_library_depend_on_each_other()
    {
        var cycles = Core.Cycles();

        cycles.Should().BeEmpty("a pillar may use the ones below it, never one that uses it back:\n{0}", string.Join("\n", cycles));
    }

    [Fact]
    public void The_graph_sees_references_made_from_signatures_and_from_method_bodies()
    {
        // Without this the test above would pass on a reader that found nothing. Compensation reads the facts registry
        // through its constructor's signature; the root composes every pillar from method bodies only.
        Core.Edge("Compensation", "Facts").Should().Contain(e => e.StartsWith("TakeoverRules.Compensation.CompensationOutlook ->", StringComparison.Ordinal));
        Core.Edge("(root)", "Detection").Should().NotBeEmpty();
        Core.Pillars.Should().Contain(["Compensation", "Detection", "Facts", "Links", "Passwords", "Prevention", "Response"]);
    }

    /// <summary>Which pillar uses which, with the type pairs that make each edge.</summary>
    private sealed class PillarGraph
    {
        private const string Root = "(root)";
        private readonly Dictionary<(string From, string To), SortedSet<string>> _edges = [];

        public IReadOnlyCollection<string> Pillars => [.. _edges.Keys.SelectMany(k => new[] { k.From, k.To }).Distinct()];

        public IReadOnlySet<string> Edge(string from, string to) => _edges.TryGetValue((from, to), out var e) ? e : new SortedSet<string>();

        public static PillarGraph Read(string path)
        {
            using var pe = new PEReader(File.OpenRead(path));
            var md = pe.GetMetadataReader();
            var graph = new PillarGraph();
            foreach (var handle in md.TypeDefinitions)
            {
                var owner = Outermost(md, handle);
                var from = FullName(md, owner);
                foreach (var used in new TypeUses(md, pe).Of(handle))
                {
                    graph.Add(from, FullName(md, Outermost(md, used)));
                }
            }

            return graph;
        }

        /// <summary>Each pair of pillars that reach each other, with one chain of direct uses each way.</summary>
        public IReadOnlyList<string> Cycles()
        {
            var pillars = Pillars.Where(p => p != Root).Order(StringComparer.Ordinal).ToList();
            var cycles = new List<string>();
            foreach (var a in pillars)
            {
                foreach (var b in pillars.Where(b => string.CompareOrdinal(a, b) < 0))
                {
                    if (PathBetween(a, b) is { } there && PathBetween(b, a) is { } back)
                    {
                        cycles.Add($"{a} <-> {b}:\n  {Describe(there)}\n  {Describe(back)}");
                    }
                }
            }

            return cycles;
        }

        private List<string>? PathBetween(string from, string to)
        {
            // Breadth-first over pillars; the root composes pillars and is not a step any pillar may depend through.
            var previous = new Dictionary<string, string> { [from] = from };
            var queue = new Queue<string>([from]);
            while (queue.TryDequeue(out var at))
            {
                if (at == to) break;
                foreach (var (edge, _) in _edges.Where(e => e.Key.From == at && e.Key.To != Root && !previous.ContainsKey(e.Key.To)))
                {
                    previous[edge.To] = at;
                    queue.Enqueue(edge.To);
                }
            }

            if (!previous.ContainsKey(to)) return null;
            var path = new List<string> { to };
            while (path[^1] != from) path.Add(previous[path[^1]]);
            path.Reverse();
            return path;
        }

        private string Describe(List<string> path) =>
            string.Join(", ", path.Zip(path.Skip(1), (a, b) => $"{a} -> {b} ({_edges[(a, b)].First()}{(_edges[(a, b)].Count > 1 ? $" and {_edges[(a, b)].Count - 1} more" : "")})"));

        private void Add(string fromType, string toType)
        {
            var (from, to) = (PillarOf(fromType), PillarOf(toType));
            if (from is null || to is null || from == to) return;
            if (!_edges.TryGetValue((from, to), out var uses)) _edges[(from, to)] = uses = new SortedSet<string>(StringComparer.Ordinal);
            uses.Add($"{fromType} -> {toType}");
        }

        /// <summary><c>TakeoverRules.Detection.Format.X</c> belongs to Detection; types outside <c>TakeoverRules</c> (generated binders, <c>&lt;Module&gt;</c>) to none.</summary>
        private static string? PillarOf(string fullName)
        {
            var parts = fullName.Split('.');
            if (parts[0] != "TakeoverRules") return null;
            return parts.Length > 2 ? parts[1] : Root;
        }

        private static TypeDefinitionHandle Outermost(MetadataReader md, TypeDefinitionHandle handle)
        {
            // Closures, state machines and nested types count as uses by the type that declares them.
            while (md.GetTypeDefinition(handle).GetDeclaringType() is { IsNil: false } outer) handle = outer;
            return handle;
        }

        private static string FullName(MetadataReader md, TypeDefinitionHandle handle)
        {
            var type = md.GetTypeDefinition(handle);
            var ns = md.GetString(type.Namespace);
            return ns.Length == 0 ? md.GetString(type.Name) : $"{ns}.{md.GetString(type.Name)}";
        }
    }

    /// <summary>The types defined in this assembly that one type definition uses.</summary>
    private sealed class TypeUses(MetadataReader md, PEReader pe) : ISignatureTypeProvider<string?, object?>, ICustomAttributeTypeProvider<string?>
    {
        private static readonly ImmutableDictionary<short, OperandType> Operands =
            typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Select(f => (OpCode)f.GetValue(null)!)
                .ToImmutableDictionary(o => o.Value, o => o.OperandType);

        private readonly HashSet<TypeDefinitionHandle> _found = [];

        public IReadOnlySet<TypeDefinitionHandle> Of(TypeDefinitionHandle handle)
        {
            var type = md.GetTypeDefinition(handle);
            Use(type.BaseType);
            foreach (var i in type.GetInterfaceImplementations()) Use(md.GetInterfaceImplementation(i).Interface);
            Attributes(type.GetCustomAttributes());
            foreach (var p in type.GetGenericParameters()) Constraints(p);
            foreach (var f in type.GetFields())
            {
                var field = md.GetFieldDefinition(f);
                field.DecodeSignature(this, null);
                Attributes(field.GetCustomAttributes());
            }

            foreach (var p in type.GetProperties()) Attributes(md.GetPropertyDefinition(p).GetCustomAttributes());
            foreach (var m in type.GetMethods()) Method(md.GetMethodDefinition(m));
            return _found;
        }

        private void Method(MethodDefinition method)
        {
            method.DecodeSignature(this, null);
            Attributes(method.GetCustomAttributes());
            foreach (var p in method.GetGenericParameters()) Constraints(p);
            foreach (var p in method.GetParameters()) Attributes(md.GetParameter(p).GetCustomAttributes());
            if (method.RelativeVirtualAddress == 0) return;

            var body = pe.GetMethodBody(method.RelativeVirtualAddress);
            if (!body.LocalSignature.IsNil) md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(this, null);
            foreach (var region in body.ExceptionRegions) Use(region.CatchType);
            var il = body.GetILReader();
            while (il.RemainingBytes > 0)
            {
                short code = il.ReadByte();
                if (code == 0xFE) code = (short)(0xFE00 | il.ReadByte());
                switch (Operands[code])
                {
                    case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok or OperandType.InlineSig:
                        Use(MetadataTokens.EntityHandle(il.ReadInt32()));
                        break;
                    case OperandType.InlineSwitch:
                        var targets = il.ReadInt32(); // read first: 'Offset +=' would take the offset before the count
                        il.Offset += 4 * targets;
                        break;
                    case OperandType.InlineI8 or OperandType.InlineR:
                        il.Offset += 8;
                        break;
                    case OperandType.InlineBrTarget or OperandType.InlineI or OperandType.InlineString or OperandType.ShortInlineR:
                        il.Offset += 4;
                        break;
                    case OperandType.InlineVar:
                        il.Offset += 2;
                        break;
                    case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                        il.Offset += 1;
                        break;
                }
            }
        }

        private void Use(EntityHandle handle)
        {
            if (handle.IsNil) return;
            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                    _found.Add((TypeDefinitionHandle)handle);
                    break;
                case HandleKind.TypeSpecification:
                    md.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null);
                    break;
                case HandleKind.MethodDefinition:
                    var method = md.GetMethodDefinition((MethodDefinitionHandle)handle);
                    _found.Add(method.GetDeclaringType());
                    method.DecodeSignature(this, null);
                    break;
                case HandleKind.FieldDefinition:
                    _found.Add(md.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType());
                    break;
                case HandleKind.MemberReference:
                    var member = md.GetMemberReference((MemberReferenceHandle)handle);
                    Use(member.Parent);
                    if (member.GetKind() == MemberReferenceKind.Method) member.DecodeMethodSignature(this, null);
                    else member.DecodeFieldSignature(this, null);
                    break;
                case HandleKind.MethodSpecification:
                    var spec = md.GetMethodSpecification((MethodSpecificationHandle)handle);
                    Use(spec.Method);
                    spec.DecodeSignature(this, null);
                    break;
                case HandleKind.StandaloneSignature:
                    var sig = md.GetStandaloneSignature((StandaloneSignatureHandle)handle);
                    if (sig.GetKind() == StandaloneSignatureKind.Method) sig.DecodeMethodSignature(this, null);
                    break;
            }
        }

        private void Constraints(GenericParameterHandle handle)
        {
            foreach (var c in md.GetGenericParameter(handle).GetConstraints()) Use(md.GetGenericParameterConstraint(c).Type);
        }

        private void Attributes(CustomAttributeHandleCollection attributes)
        {
            foreach (var a in attributes)
            {
                var attribute = md.GetCustomAttribute(a);
                Use(attribute.Constructor);
                attribute.DecodeValue(this); // typeof(...) arguments arrive through GetTypeFromSerializedName
            }
        }

        // Types are carried as their full names: custom-attribute decoding needs to recognise System.Type.
        public string? GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            _found.Add(handle);
            return Name(reader.GetTypeDefinition(handle).Namespace, reader.GetTypeDefinition(handle).Name);
        }

        public string? GetTypeFromSerializedName(string name)
        {
            // A serialized name is "Namespace.Outer+Nested, Assembly"; only this assembly's own types are of interest.
            var local = name.Split(',')[0].Split('+')[0];
            foreach (var handle in md.TypeDefinitions)
            {
                var type = md.GetTypeDefinition(handle);
                if (type.GetDeclaringType().IsNil && Name(type.Namespace, type.Name) == local) _found.Add(handle);
            }

            return name;
        }

        public string? GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        /// <summary>An assembly-qualified name, so an attribute's enum argument can be sized by loading its type.</summary>
        public string? GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        {
            var type = reader.GetTypeReference(handle);
            return type.ResolutionScope.Kind switch
            {
                HandleKind.TypeReference => GetTypeFromReference(reader, (TypeReferenceHandle)type.ResolutionScope, rawTypeKind)!.Split(',') is var outer
                    ? $"{outer[0]}+{reader.GetString(type.Name)},{string.Join(',', outer[1..])}"
                    : null,
                HandleKind.AssemblyReference => $"{Name(type.Namespace, type.Name)}, {reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)type.ResolutionScope).Name)}",
                _ => Name(type.Namespace, type.Name),
            };
        }

        public string? GetGenericInstantiation(string? genericType, ImmutableArray<string?> typeArguments) => genericType;
        public string? GetSystemType() => "System.Type";
        public bool IsSystemType(string? type) => type is not null && type.Split(',')[0] == "System.Type";

        public PrimitiveTypeCode GetUnderlyingEnumType(string? type)
        {
            var enumType = Type.GetType(type!) ?? typeof(TakeoverRulesOptions).Assembly.GetType(type!)
                ?? throw new InvalidOperationException($"cannot size the attribute argument of enum type {type}");
            return Type.GetTypeCode(Enum.GetUnderlyingType(enumType)) switch
            {
                TypeCode.Byte => PrimitiveTypeCode.Byte,
                TypeCode.SByte => PrimitiveTypeCode.SByte,
                TypeCode.Int16 => PrimitiveTypeCode.Int16,
                TypeCode.UInt16 => PrimitiveTypeCode.UInt16,
                TypeCode.UInt32 => PrimitiveTypeCode.UInt32,
                TypeCode.Int64 => PrimitiveTypeCode.Int64,
                TypeCode.UInt64 => PrimitiveTypeCode.UInt64,
                _ => PrimitiveTypeCode.Int32,
            };
        }
        public string? GetPrimitiveType(PrimitiveTypeCode typeCode) => null;
        public string? GetSZArrayType(string? elementType) => null;
        public string? GetArrayType(string? elementType, ArrayShape shape) => null;
        public string? GetByReferenceType(string? elementType) => null;
        public string? GetPointerType(string? elementType) => null;
        public string? GetPinnedType(string? elementType) => null;
        public string? GetGenericMethodParameter(object? genericContext, int index) => null;
        public string? GetGenericTypeParameter(object? genericContext, int index) => null;
        public string? GetFunctionPointerType(MethodSignature<string?> signature) => null;
        public string? GetModifiedType(string? modifier, string? unmodifiedType, bool isRequired) => unmodifiedType;

        private string Name(StringHandle ns, StringHandle name) => $"{md.GetString(ns)}.{md.GetString(name)}";
    }
}
