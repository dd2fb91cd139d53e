package dev.tasklens.huawei.internal;

import dev.tasklens.adapters.StrictText;
import dev.tasklens.adapters.WholeNumberAsText;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import java.util.List;
import java.util.Optional;

/**
 * KooDrive "Listing Tasks" on the wire (seed 003), one record per JSON object. Public only so that
 * JSON-B can bind them; not API.
 */
public final class KooDriveWire {

    private KooDriveWire() {
    }

    /**
     * The 200 reply. The list has two spellings: the table's {@code taskList} and the example's
     * {@code taskListDtos}; {@code nextCursor} and {@code code} are documented as strings and sent
     * as numbers in the example.
     *
     * @param taskList the table's spelling of the list
     * @param taskListDtos the example's spelling of the list
     * @param code {@code 0} for success
     * @param msg the response information
     * @param nextCursor the next page's cursor; absent or empty at the end
     */
    public record Page(
            @JsonbProperty("taskList") List<Task> taskList,
            @JsonbProperty("taskListDtos") List<Task> taskListDtos,
            @JsonbProperty("code") @JsonbTypeDeserializer(WholeNumberAsText.class) String code,
            @JsonbProperty("msg") @JsonbTypeDeserializer(StrictText.class) String msg,
            @JsonbProperty("nextCursor") @JsonbTypeDeserializer(WholeNumberAsText.class) String nextCursor) {

        /**
         * The list, under either spelling.
         *
         * @return the tasks, or empty when neither spelling came
         */
        public Optional<List<Task>> tasks() {
            return Optional.ofNullable(taskList != null ? taskList : taskListDtos);
        }
    }

    /**
     * {@code TaskInfo}.
     *
     * @param taskId a 19-digit id, kept exact as text
     * @param taskName the name
     * @param taskType 0: transfer task
     * @param userId the user
     * @param status 0 NEW, 1 EXECUTING, 2 SUCCESS, 3 FAILED
     * @param resultCode {@code 18xxxxxx} for a specific failure
     * @param createTime ISO 8601
     * @param startTime ISO 8601
     * @param endTime ISO 8601
     */
    public record Task(
            @JsonbProperty("taskId") @JsonbTypeDeserializer(WholeNumberAsText.class) String taskId,
            @JsonbProperty("taskName") @JsonbTypeDeserializer(StrictText.class) String taskName,
            @JsonbProperty("taskType") Integer taskType,
            @JsonbProperty("userId") @JsonbTypeDeserializer(StrictText.class) String userId,
            @JsonbProperty("status") Integer status,
            @JsonbProperty("resultCode") @JsonbTypeDeserializer(WholeNumberAsText.class) String resultCode,
            @JsonbProperty("createTime") @JsonbTypeDeserializer(StrictText.class) String createTime,
            @JsonbProperty("startTime") @JsonbTypeDeserializer(StrictText.class) String startTime,
            @JsonbProperty("endTime") @JsonbTypeDeserializer(StrictText.class) String endTime) {
    }
}
