using System.Text.Json.Serialization;
using TakeoverRules.Prevention;

namespace TakeoverRules.Response;

/// <summary>Source-generated JSON for the response and prevention types (trimming- and NativeAOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    WriteIndented = true,
    RespectNullableAnnotations = true,
    MaxDepth = 32)]
[JsonSerializable(typeof(ResponseProgress))]
[JsonSerializable(typeof(ResponsePlan))]
[JsonSerializable(typeof(SecurityPosture))]
internal sealed partial class ResponseJsonContext : JsonSerializerContext;
