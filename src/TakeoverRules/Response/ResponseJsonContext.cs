using System.Text.Json.Serialization;

namespace TakeoverRules.Response;

/// <summary>Source-generated JSON for the response types (trimming- and NativeAOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    WriteIndented = true,
    RespectNullableAnnotations = true,
    MaxDepth = 32)]
[JsonSerializable(typeof(ResponseProgress))]
[JsonSerializable(typeof(ResponsePlan))]
internal sealed partial class ResponseJsonContext : JsonSerializerContext
{
    // Built on first use because Default is not yet initialized while this class's static fields are; a racing second copy is harmless.
    /// <summary>Writes the response types with Japanese left unescaped.</summary>
    public static ReadableJson Readable => field ??= new(Default.Options);
}
