package dev.tasklens.domain;

import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names one task list of one provider, such as {@code tencent.mps}.
 *
 * <p>The set is open: a new provider adds its own ids. An id is lower-case, dotted, and starts
 * with the provider: {@code provider.service}.
 *
 * @param value the dotted name, e.g. {@code huawei.koodrive}
 */
public record SourceId(String value) implements Comparable<SourceId>, Serializable {

    private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9]*(\\.[a-z][a-z0-9-]*)+");

    /** Tencent Cloud CLS shipping tasks (legacy CLS API, {@code GET /tasks}). */
    public static final SourceId TENCENT_CLS = new SourceId("tencent.cls");
    /** Tencent Cloud MPS {@code DescribeTasks} (API 3.0, version 2019-06-12). */
    public static final SourceId TENCENT_MPS = new SourceId("tencent.mps");
    /** Huawei Cloud MetaStudio import/export tasks ({@code GET /v2/{project_id}/ies/task}). */
    public static final SourceId HUAWEI_IES = new SourceId("huawei.ies");
    /** Huawei KooDrive task list ({@code GET /koodrive/ose/v1/task/list}). */
    public static final SourceId HUAWEI_KOODRIVE = new SourceId("huawei.koodrive");
    /** Baidu AI Cloud VOD task list ({@code GET /v2/tasks}). */
    public static final SourceId BAIDU_VOD = new SourceId("baidu.vod");

    /**
     * Checks the form of the id.
     *
     * @param value see the record component
     * @throws InvalidQueryException if the value is not a dotted lower-case name
     */
    public SourceId {
        Objects.requireNonNull(value, "source id");
        if (!FORM.matcher(value).matches()) {
            throw new InvalidQueryException("source id '" + value + "' is not of the form provider.service"
                    + " (lower-case letters, digits and '-', dotted), e.g. tencent.mps");
        }
    }

    /**
     * Parses a source id.
     *
     * @param value the dotted name
     * @return the id
     * @throws InvalidQueryException if the value is not a dotted lower-case name
     */
    public static SourceId of(String value) {
        return new SourceId(value);
    }

    /**
     * The provider part of the id, such as {@code tencent} for {@code tencent.mps}.
     *
     * @return the text before the first dot
     */
    public String provider() {
        return value.substring(0, value.indexOf('.'));
    }

    @Override
    public int compareTo(SourceId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
