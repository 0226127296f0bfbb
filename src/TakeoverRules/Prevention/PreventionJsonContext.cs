using System.Text.Json.Serialization;

namespace TakeoverRules.Prevention;

/// <summary>Source-generated JSON for the prevention types (trimming- and NativeAOT-safe); the same settings as the other pillars' contexts.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    WriteIndented = true,
    RespectNullableAnnotations = true,
    MaxDepth = 32)]
[JsonSerializable(typeof(SecurityPosture))]
internal sealed partial class PreventionJsonContext : JsonSerializerContext
{
    // Built on first use because Default is not yet initialized while this class's static fields are; a racing second copy is harmless.
    /// <summary>Writes the prevention types with Japanese left unescaped.</summary>
    public static ReadableJson Readable => field ??= new(Default.Options);
}
