/* The "Play" button: the recording first, else a local voice, else no button at all
 * (a cloud voice would send the question off the tablet). The words and the recording are
 * read from the button when it is tapped: the stop page changes them (sayWhatIsShown). */

export function setupPlay() {
  const button = document.querySelector("[data-play]");
  if (!button) return;
  const label = button.querySelector("[data-play-label]");
  function playing(on) {
    button.setAttribute("aria-pressed", on ? "true" : "false");
    label.textContent = on ? "Stop" : "Play";
  }
  const synth = "speechSynthesis" in window ? window.speechSynthesis : null;
  let audio = null;
  function recording() {
    const src = button.dataset.audio;
    if (audio && audio.dataset.src === src) return audio;
    if (audio) audio.pause();
    audio = new Audio(src);
    audio.dataset.src = src;
    audio.preload = "auto";
    audio.addEventListener("ended", function () { playing(false); });
    audio.addEventListener("pause", function () { playing(false); });
    return audio;
  }
  // data-play-wait: the page has yet to choose its words (the stop page, sayWhatIsShown).
  function check() {
    if (!button.hasAttribute("data-play-wait") && (button.dataset.audio || (synth && localVoice(synth)))) button.hidden = false;
  }
  button.fvCheck = check;
  if (button.dataset.audio) recording();
  check();
  if (synth && synth.addEventListener) synth.addEventListener("voiceschanged", check);
  button.addEventListener("click", function () {
    if (button.hasAttribute("data-play-wait")) return;
    if (button.dataset.audio) {
      const clip = recording();
      if (!clip.paused) { clip.pause(); clip.currentTime = 0; return; }
      clip.play().then(function () { playing(true); }, function () { playing(false); });
      return;
    }
    if (!synth) return;
    if (synth.speaking) { synth.cancel(); playing(false); return; }
    const voice = localVoice(synth);
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

/* The stop page, once it knows whether any answer was given: Play is offered only now, and
 * says what the page then shows. Offered before, a tap in that instant read "Keep my answers,
 * or delete my answers" to someone who then saw "You have not answered any questions". With
 * no clip made for the words (published before there was one), the tablet's own voice reads
 * them, or the button stays hidden if it has none. */
export function sayWhatIsShown(nothingGiven) {
  const button = document.querySelector("[data-play]");
  if (!button) return;
  if (nothingGiven && button.dataset.sayNone) {
    button.dataset.say = button.dataset.sayNone;
    if (button.dataset.audioNone) button.dataset.audio = button.dataset.audioNone;
    else delete button.dataset.audio;
  }
  button.removeAttribute("data-play-wait");
  if (button.fvCheck) button.fvCheck();
}

function localVoice(synth) {
  const voices = synth.getVoices().filter(function (v) { return v.localService && /^en/i.test(v.lang); });
  voices.sort(function (a, b) { return (/en-GB/i.test(b.lang) ? 1 : 0) - (/en-GB/i.test(a.lang) ? 1 : 0); });
  return voices[0] || null;
}
