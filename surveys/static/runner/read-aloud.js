/* The "Play" button: the recording first, else a local voice, else no button at all
 * (a cloud voice would send the question off the tablet). */

export function setupPlay() {
  const button = document.querySelector("[data-play]");
  if (!button) return;
  const label = button.querySelector("[data-play-label]");
  function playing(on) {
    button.setAttribute("aria-pressed", on ? "true" : "false");
    label.textContent = on ? "Stop" : "Play";
  }
  if (button.dataset.audio) {
    playRecording(button, playing);
    return;
  }
  if (!("speechSynthesis" in window)) return;
  const synth = window.speechSynthesis;
  function localVoice() {
    const voices = synth.getVoices().filter(function (v) { return v.localService && /^en/i.test(v.lang); });
    voices.sort(function (a, b) { return (/en-GB/i.test(b.lang) ? 1 : 0) - (/en-GB/i.test(a.lang) ? 1 : 0); });
    return voices[0] || null;
  }
  function check() { if (localVoice()) button.hidden = false; }
  check();
  if (synth.addEventListener) synth.addEventListener("voiceschanged", check);
  button.addEventListener("click", function () {
    if (synth.speaking) { synth.cancel(); playing(false); return; }
    const voice = localVoice();
    if (!voice) return;
    const utterance = new SpeechSynthesisUtterance(button.dataset.say);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.9;
    utterance.onend = utterance.onerror = function () { playing(false); };
    playing(true);
    synth.speak(utterance);
  });
}

function playRecording(button, playing) {
  const audio = new Audio(button.dataset.audio);
  audio.preload = "auto";
  audio.addEventListener("ended", function () { playing(false); });
  audio.addEventListener("pause", function () { playing(false); });
  button.hidden = false;
  button.addEventListener("click", function () {
    if (!audio.paused) { audio.pause(); audio.currentTime = 0; return; }
    audio.play().then(function () { playing(true); }, function () { playing(false); });
  });
}
