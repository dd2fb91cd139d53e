package dev.tasklens.baidu.internal;

import dev.tasklens.adapters.StrictText;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import java.util.List;

/**
 * The VOD task list on the wire (seed 004, "返回参数"), one record per JSON object the document
 * describes. Text fields refuse numbers and objects ({@link StrictText}). Public only so that
 * JSON-B can bind them; not API.
 */
public final class VodWire {

    private VodWire() {
    }

    /**
     * The reply of {@code GET /v2/tasks}.
     *
     * @param truncated {@code isTruncated}: whether a next page exists; absent is not an answer
     * @param marker the marker of this page
     * @param nextMarker the marker of the next page
     * @param data the page's tasks ({@code MediaTaskBasicInfo[]}); absent is not an empty page
     */
    public record TaskList(
            @JsonbProperty("isTruncated") Boolean truncated,
            @JsonbProperty("marker") @JsonbTypeDeserializer(StrictText.class) String marker,
            @JsonbProperty("nextMarker") @JsonbTypeDeserializer(StrictText.class) String nextMarker,
            @JsonbProperty("data") List<TaskInfo> data) {
    }

    /**
     * {@code MediaTaskBasicInfo}.
     *
     * @param taskId the task id, such as {@code tsk-emeqb9c1kmdd7rns}
     * @param mediaId the media it works on
     * @param type {@code WORKFLOW} or {@code PRESET}
     * @param status the task's status, raw (the document's list is cut off)
     * @param createTime UTC ISO 8601
     * @param finishTime UTC ISO 8601; empty or absent while unfinished
     */
    public record TaskInfo(
            @JsonbProperty("taskId") @JsonbTypeDeserializer(StrictText.class) String taskId,
            @JsonbProperty("mediaId") @JsonbTypeDeserializer(StrictText.class) String mediaId,
            @JsonbProperty("type") @JsonbTypeDeserializer(StrictText.class) String type,
            @JsonbProperty("status") @JsonbTypeDeserializer(StrictText.class) String status,
            @JsonbProperty("createTime") @JsonbTypeDeserializer(StrictText.class) String createTime,
            @JsonbProperty("finishTime") @JsonbTypeDeserializer(StrictText.class) String finishTime) {
    }

    /**
     * The BCE error body, sent with the real HTTP status.
     *
     * @param code such as {@code SignatureDoesNotMatch}
     * @param message the provider's words
     * @param requestId the request id
     */
    public record Error(
            @JsonbProperty("code") @JsonbTypeDeserializer(StrictText.class) String code,
            @JsonbProperty("message") @JsonbTypeDeserializer(StrictText.class) String message,
            @JsonbProperty("requestId") @JsonbTypeDeserializer(StrictText.class) String requestId) {
    }
}
