/* Builder: record a question's audio in the browser (MediaRecorder) and put it in the
 * form's audio file field, so it is uploaded like a chosen file. No inline script. */
(function () {
  "use strict";
  var box = document.querySelector("[data-recorder]");
  var input = document.querySelector("input[type=file][name=audio]");
  if (!box || !input || !window.MediaRecorder || !navigator.mediaDevices || !window.DataTransfer) return;
  var button = box.querySelector("[data-record]");
  var status = box.querySelector("[data-record-status]");
  var recorder = null;
  box.hidden = false;

  button.addEventListener("click", function () {
    if (recorder && recorder.state === "recording") { recorder.stop(); return; }
    navigator.mediaDevices.getUserMedia({ audio: true }).then(function (stream) {
      var chunks = [];
      recorder = new MediaRecorder(stream);
      recorder.addEventListener("dataavailable", function (event) { if (event.data.size) chunks.push(event.data); });
      recorder.addEventListener("stop", function () {
        stream.getTracks().forEach(function (track) { track.stop(); });
        var type = recorder.mimeType || "audio/webm";
        var file = new File(chunks, "recording." + (type.indexOf("ogg") !== -1 ? "ogg" : "webm"), { type: type });
        var transfer = new DataTransfer();
        transfer.items.add(file);
        input.files = transfer.files;
        button.textContent = "Record again";
        status.textContent = "Recorded " + Math.round(file.size / 1024) + " KB. Save the question to keep it.";
      });
      recorder.start();
      button.textContent = "Stop recording";
      status.textContent = "Recording…";
    }, function () {
      status.textContent = "The microphone could not be used. You can upload a recording instead.";
    });
  });
})();
