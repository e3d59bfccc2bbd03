using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace ReportSearch.Index.Storage;

/// <summary>
/// An embedding as the record store keeps it: 16-bit floats, half the bytes of 32-bit ones. A unit vector's components
/// keep three significant digits, so cosines move by about 10⁻⁴: near-ties may swap, neighbours do not change
/// (measured in <c>StoredVectorTests</c>). Searching still runs on 32-bit floats (<see cref="Embeddings.VectorIndex"/>).
/// </summary>
internal static class StoredVector
{
    public const int Bits = 16;

    public static byte[] Encode(ReadOnlySpan<float> vector)
    {
        var half = new Half[vector.Length];
        TensorPrimitives.ConvertToHalf(vector, half);
        return MemoryMarshal.AsBytes(half.AsSpan()).ToArray();
    }

    /// <summary>Reads a stored vector of either width: rows written before schema 6 hold 32-bit floats.</summary>
    public static float[] Decode(byte[] bytes, int bits)
    {
        switch (bits)
        {
            case 16:
                var vector = new float[bytes.Length / sizeof(ushort)];
                TensorPrimitives.ConvertToSingle(MemoryMarshal.Cast<byte, Half>(bytes), vector);
                return vector;
            case 32:
                return MemoryMarshal.Cast<byte, float>(bytes).ToArray();
            default:
                throw new InvalidDataException($"an embedding is stored with {bits}-bit components; this version reads 16 and 32: re-index with 'reportsearch index'");
        }
    }
}
