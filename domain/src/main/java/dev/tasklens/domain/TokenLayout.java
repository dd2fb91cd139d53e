package dev.tasklens.domain;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The bytes of a {@link PageToken}, written and read in one place: a version, a flag (keyed), the
 * query's fingerprint, the seal's binding, the page size, then each partition (statuses, slice, term,
 * next page and skip), and last a CRC-32 of all that, or its HMAC-SHA256 under the listing's token
 * key. Earlier versions are recognised and refused with a message saying to start again.
 */
final class TokenLayout {

    static final byte VERSION = 4;
    private static final byte FLAG_KEYED = 1;
    private static final byte START = 0;
    private static final byte TOKEN = 1;
    private static final byte OFFSET = 2;
    private static final byte FINISHED = 3;
    private static final int CRC_LENGTH = 4;
    private static final int MAC_LENGTH = 32;

    private TokenLayout() {
    }

    /**
     * A token's parts as read from its bytes.
     *
     * @param fingerprint the query's fingerprint
     * @param binding the seal's binding
     * @param partitions every partition's position
     * @param pageSize the page size the skips were counted in, 0 for none
     * @param keyed whether the seal is an HMAC under a token key
     * @param body the bytes the seal covers
     * @param seal the CRC-32 or the HMAC
     */
    record Read(byte[] fingerprint, byte[] binding, List<PartitionPosition> partitions, int pageSize, boolean keyed,
            byte[] body, byte[] seal) {
    }

    /**
     * Reads a token's bytes.
     *
     * @param bytes the decoded text
     * @return its parts
     * @throws InvalidQueryException if the bytes are not a whole, unaltered token of this version
     */
    static Read read(byte[] bytes) {
        if (bytes.length < 2 + PageToken.FINGERPRINT_LENGTH + CRC_LENGTH) {
            throw corrupted("it is too short; was it cut when copied?");
        }
        if (bytes[0] != VERSION) {
            if (bytes[0] == 1 && crcMatches(bytes, bytes.length - CRC_LENGTH)) {
                throw new InvalidQueryException("this resume token was made by an earlier tasklens version, whose"
                        + " tokens could not resume every listing exactly; start the listing again without it");
            }
            boolean whole = bytes[1] == FLAG_KEYED || (bytes[1] == 0 && crcMatches(bytes, bytes.length - CRC_LENGTH));
            if (bytes[0] == 2 && whole) {
                throw new InvalidQueryException("this resume token was made by an earlier tasklens version, which"
                        + " listed one partition at a time; its position cannot be carried over to a listing whose"
                        + " partitions are paged at once. Start the listing again without it");
            }
            if (bytes[0] == 3 && whole) {
                throw new InvalidQueryException("this resume token was made by an earlier tasklens version, which"
                        + " kept some sources' status requests inside their page tokens; its position cannot be"
                        + " carried over. Start the listing again without it");
            }
            throw corrupted("its version " + bytes[0] + " is not one this tasklens reads (" + VERSION
                    + "); was it cut or altered when copied?");
        }
        boolean keyed = (bytes[1] & FLAG_KEYED) != 0;
        int sealLength = keyed ? MAC_LENGTH : CRC_LENGTH;
        int bodyLength = bytes.length - sealLength;
        if (bodyLength < 2 + PageToken.FINGERPRINT_LENGTH + TokenSeal.BINDING_LENGTH + 4 + 4 + 4 + 1 + 1 + 1) {
            throw corrupted("it is too short; was it cut when copied?");
        }
        if (!keyed && !crcMatches(bytes, bodyLength)) {
            throw corrupted("its checksum does not match; was it cut or altered when copied?");
        }
        byte[] body = Arrays.copyOf(bytes, bodyLength);
        byte[] seal = Arrays.copyOfRange(bytes, bodyLength, bytes.length);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body, 2, bodyLength - 2))) {
            byte[] fingerprint = in.readNBytes(PageToken.FINGERPRINT_LENGTH);
            byte[] binding = in.readNBytes(TokenSeal.BINDING_LENGTH);
            int pageSize = in.readInt();
            int count = in.readInt();
            if (pageSize < 0 || count < 1 || count > PageToken.MAX_PARTITIONS) {
                throw corrupted("its layout is inconsistent.");
            }
            List<PartitionPosition> partitions = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                partitions.add(readPartition(in));
            }
            if (in.available() != 0 || partitions.stream().allMatch(PartitionPosition::isFinished)) {
                throw corrupted("its layout is inconsistent.");
            }
            return new Read(fingerprint, binding, partitions, pageSize, keyed, body, seal);
        } catch (IOException | IllegalArgumentException | java.time.DateTimeException e) {
            throw corrupted("its layout is inconsistent.");
        }
    }

    private static PartitionPosition readPartition(DataInputStream in) throws IOException {
        int mask = in.readInt();
        Set<TaskStatus> statuses = EnumSet.noneOf(TaskStatus.class);
        for (TaskStatus status : TaskStatus.values()) {
            if ((mask & (1 << status.ordinal())) != 0) {
                statuses.add(status);
                mask &= ~(1 << status.ordinal());
            }
        }
        if (mask != 0) {
            throw corrupted("it names a status this tasklens does not know.");
        }
        Optional<Instant> from = readInstant(in);
        Optional<Instant> to = readInstant(in);
        Optional<String> term = Optional.empty();
        byte hasTerm = in.readByte();
        if (hasTerm != 0 && hasTerm != 1) {
            throw corrupted("its layout is inconsistent.");
        }
        if (hasTerm == 1) {
            String text = in.readUTF();
            if (text.isEmpty() || text.length() > Partition.MAX_TERM_LENGTH) {
                throw corrupted("its layout is inconsistent.");
            }
            term = Optional.of(text);
        }
        Partition partition = new Partition(statuses, from, to, term);
        byte kind = in.readByte();
        PagePosition position;
        switch (kind) {
            case FINISHED -> {
                return PartitionPosition.finished(partition);
            }
            case START -> position = PagePosition.start();
            case TOKEN -> {
                int length = in.readInt();
                if (length < 1 || length > PageToken.MAX_PROVIDER_TOKEN_BYTES) {
                    throw corrupted("its provider token length " + length + " is out of range.");
                }
                position = PagePosition.token(new String(in.readNBytes(length), StandardCharsets.UTF_8));
            }
            case OFFSET -> position = PagePosition.offset(in.readLong());
            default -> throw corrupted("its position kind " + kind + " is unknown.");
        }
        long skip = in.readLong();
        if (skip < 0) {
            throw corrupted("its layout is inconsistent.");
        }
        return PartitionPosition.at(partition, position, skip);
    }

    private static Optional<Instant> readInstant(DataInputStream in) throws IOException {
        if (in.readByte() == 0) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond(in.readLong(), in.readInt()));
    }

    private static void writeInstant(DataOutputStream out, Optional<Instant> at) throws IOException {
        out.writeByte(at.isPresent() ? 1 : 0);
        if (at.isPresent()) {
            out.writeLong(at.get().getEpochSecond());
            out.writeInt(at.get().getNano());
        }
    }

    static InvalidQueryException corrupted(String why) {
        return new InvalidQueryException("the resume token is not valid: " + why
                + " Pass the token exactly as tasklens printed it, or start without one");
    }

    /**
     * Writes a token's bytes, without the seal.
     */
    static byte[] encode(byte[] fingerprint, byte[] binding, List<PartitionPosition> partitions,
            int pageSize, boolean keyed) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeByte(keyed ? FLAG_KEYED : 0);
            out.write(fingerprint);
            out.write(binding);
            out.writeInt(pageSize);
            out.writeInt(partitions.size());
            for (PartitionPosition part : partitions) {
                int mask = 0;
                for (TaskStatus status : part.partition().statuses()) {
                    mask |= 1 << status.ordinal();
                }
                out.writeInt(mask);
                writeInstant(out, part.partition().createdFrom());
                writeInstant(out, part.partition().createdTo());
                Optional<String> term = part.partition().term();
                out.writeBoolean(term.isPresent());
                if (term.isPresent()) {
                    out.writeUTF(term.get());
                }
                Optional<PagePosition> next = part.next();
                if (next.isEmpty()) {
                    out.writeByte(FINISHED);
                    continue;
                }
                if (next.get() instanceof PagePosition.Token token) {
                    byte[] text = token.value().getBytes(StandardCharsets.UTF_8);
                    if (text.length > PageToken.MAX_PROVIDER_TOKEN_BYTES) {
                        throw new IllegalArgumentException("provider token of " + text.length
                                + " bytes is longer than " + PageToken.MAX_PROVIDER_TOKEN_BYTES);
                    }
                    out.writeByte(TOKEN);
                    out.writeInt(text.length);
                    out.write(text);
                } else if (next.get() instanceof PagePosition.Offset offset) {
                    out.writeByte(OFFSET);
                    out.writeLong(offset.value());
                } else {
                    out.writeByte(START);
                }
                out.writeLong(part.skip());
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** The CRC-32 of the body, or its HMAC-SHA256 under the seal's key. */
    static byte[] protect(byte[] body, TokenSeal seal) {
        Optional<byte[]> key = seal.key();
        if (key.isEmpty()) {
            CRC32 crc = new CRC32();
            crc.update(body);
            return ByteBuffer.allocate(CRC_LENGTH).putInt((int) crc.getValue()).array();
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.get(), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    private static boolean crcMatches(byte[] bytes, int bodyLength) {
        if (bodyLength < 1) {
            return false;
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bodyLength);
        return (int) crc.getValue() == ByteBuffer.wrap(bytes, bodyLength, CRC_LENGTH).getInt();
    }
}
