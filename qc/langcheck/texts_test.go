package langcheck

import "strings"

// Subtitle texts written for these tests: the same interrogation scene in
// each language (so that a swapped declaration compares like with like),
// with a name, numbers and the short lines of real dialogue. Each is about
// 500-700 letters in alphabetic scripts.
var scene = map[string]string{
	"en": `Where were you last night?
I told you already. I was at my sister's place until midnight.
Your sister says you left before ten.
Then she's mistaken. We watched the match together.
The match ended at half past nine, Daniel.
Look, I don't know what you want me to say.
The truth would be a good start.
I didn't touch that money. I swear on my children.
Nobody mentioned any money.
Everyone in the village is talking about it.
Sit down. We're going to go through it again, slowly.
Can I at least have a glass of water?
When you've answered my questions.
My lawyer will hear about this.
Your lawyer is on holiday in Spain until Monday.
Then I'm not saying another word.`,

	"fr": `Où étiez-vous hier soir ?
Je vous l'ai déjà dit. J'étais chez ma sœur jusqu'à minuit.
Votre sœur dit que vous êtes parti avant dix heures.
Alors elle se trompe. On a regardé le match ensemble.
Le match s'est terminé à neuf heures et demie, Daniel.
Écoutez, je ne sais pas ce que vous voulez que je vous dise.
La vérité, ce serait un bon début.
Je n'ai pas touché à cet argent. Je le jure sur mes enfants.
Personne n'a parlé d'argent.
Tout le village ne parle que de ça.
Asseyez-vous. On va tout reprendre, lentement.
Je peux au moins avoir un verre d'eau ?
Quand vous aurez répondu à mes questions.
Mon avocat en entendra parler.
Votre avocat est en vacances en Espagne jusqu'à lundi.
Alors je ne dis plus un mot.`,

	"de": `Wo waren Sie gestern Abend?
Das habe ich Ihnen schon gesagt. Ich war bis Mitternacht bei meiner Schwester.
Ihre Schwester sagt, Sie sind vor zehn gegangen.
Dann irrt sie sich. Wir haben zusammen das Spiel gesehen.
Das Spiel war um halb zehn zu Ende, Daniel.
Hören Sie, ich weiß nicht, was ich Ihnen sagen soll.
Die Wahrheit wäre ein guter Anfang.
Ich habe das Geld nicht angefasst. Ich schwöre es bei meinen Kindern.
Niemand hat von Geld gesprochen.
Das ganze Dorf redet doch davon.
Setzen Sie sich. Wir gehen das noch einmal durch, ganz langsam.
Kann ich wenigstens ein Glas Wasser haben?
Wenn Sie meine Fragen beantwortet haben.
Davon wird mein Anwalt erfahren.
Ihr Anwalt ist bis Montag im Urlaub in Spanien.
Dann sage ich kein Wort mehr.`,

	"es": `¿Dónde estuvo anoche?
Ya se lo he dicho. Estuve en casa de mi hermana hasta medianoche.
Su hermana dice que se fue antes de las diez.
Pues se equivoca. Vimos el partido juntos.
El partido terminó a las nueve y media, Daniel.
Mire, no sé qué quiere que le diga.
La verdad sería un buen comienzo.
Yo no toqué ese dinero. Se lo juro por mis hijos.
Nadie ha mencionado ningún dinero.
Todo el pueblo está hablando de eso.
Siéntese. Vamos a repasarlo todo otra vez, despacio.
¿Puedo por lo menos tomar un vaso de agua?
Cuando haya contestado a mis preguntas.
Mi abogado se va a enterar de esto.
Su abogado está de vacaciones en Portugal hasta el lunes.
Entonces no voy a decir ni una palabra más.`,

	"pt": `Onde você estava ontem à noite?
Eu já te disse. Estava na casa da minha irmã até a meia-noite.
Sua irmã diz que você saiu antes das dez.
Então ela está enganada. Nós assistimos ao jogo juntos.
O jogo acabou às nove e meia, Daniel.
Olha, eu não sei o que você quer que eu diga.
A verdade seria um bom começo.
Eu não toquei nesse dinheiro. Juro pelos meus filhos.
Ninguém falou de dinheiro nenhum.
A cidade inteira está falando disso.
Sente-se. Vamos repassar tudo de novo, devagar.
Posso pelo menos tomar um copo de água?
Quando você tiver respondido às minhas perguntas.
Meu advogado vai ficar sabendo disso.
Seu advogado está de férias na Espanha até segunda-feira.
Então não digo mais nenhuma palavra.`,

	"it": `Dov'era ieri sera?
Gliel'ho già detto. Ero da mia sorella fino a mezzanotte.
Sua sorella dice che se n'è andato prima delle dieci.
Allora si sbaglia. Abbiamo guardato la partita insieme.
La partita è finita alle nove e mezza, Daniel.
Senta, non so cosa vuole che le dica.
La verità sarebbe un buon inizio.
Non ho toccato quei soldi. Lo giuro sui miei figli.
Nessuno ha parlato di soldi.
Tutto il paese ne sta parlando.
Si sieda. Ripassiamo tutto un'altra volta, con calma.
Posso almeno avere un bicchiere d'acqua?
Quando avrà risposto alle mie domande.
Il mio avvocato lo verrà a sapere.
Il suo avvocato è in vacanza in Spagna fino a lunedì.
Allora non dico più una parola.`,

	"ru": `Где вы были вчера вечером?
Я вам уже говорил. Я был у сестры до полуночи.
Ваша сестра говорит, что вы ушли до десяти.
Значит, она ошибается. Мы вместе смотрели матч.
Матч закончился в половине десятого, Даниил.
Послушайте, я не знаю, что вы хотите от меня услышать.
Правда была бы хорошим началом.
Я не трогал эти деньги. Клянусь своими детьми.
Никто не говорил ни о каких деньгах.
Вся деревня только об этом и говорит.
Садитесь. Мы пройдём всё ещё раз, медленно.
Можно мне хотя бы стакан воды?
Когда ответите на мои вопросы.
Мой адвокат об этом узнает.
Ваш адвокат в отпуске в Испании до понедельника.
Тогда я больше не скажу ни слова.`,

	"uk": `Де ви були вчора ввечері?
Я вам уже казав. Я був у сестри до півночі.
Ваша сестра каже, що ви пішли ще до десятої.
Отже, вона помиляється. Ми разом дивилися матч.
Матч закінчився о пів на десяту, Даниле.
Послухайте, я не знаю, що ви хочете від мене почути.
Правда була б гарним початком.
Я не торкався цих грошей. Присягаюся своїми дітьми.
Ніхто не згадував жодних грошей.
Усе село тільки про це й говорить.
Сідайте. Ми пройдемо все ще раз, повільно.
Можна мені хоча б склянку води?
Коли відповісте на мої запитання.
Мій адвокат про це дізнається.
Ваш адвокат у відпустці в Іспанії до понеділка.
Тоді я більше не скажу ані слова.`,

	"ar": `أين كنت الليلة الماضية؟
قلت لك من قبل. كنت عند أختي حتى منتصف الليل.
أختك تقول إنك غادرت قبل العاشرة.
إذن هي مخطئة. شاهدنا المباراة معاً.
انتهت المباراة في التاسعة والنصف يا دانيال.
اسمع، لا أعرف ماذا تريدني أن أقول.
الحقيقة ستكون بداية جيدة.
لم ألمس ذلك المال. أقسم بأولادي.
لم يذكر أحد أي مال.
القرية كلها تتحدث عن هذا الأمر.
اجلس. سنراجع كل شيء مرة أخرى، ببطء.
هل يمكنني على الأقل الحصول على كوب من الماء؟
عندما تجيب على أسئلتي.
سيعلم محاميّ بهذا.
محاميك في إجازة في إسبانيا حتى يوم الاثنين.
إذن لن أقول كلمة أخرى.`,

	"he": `איפה היית אתמול בלילה?
כבר אמרתי לך. הייתי אצל אחותי עד חצות.
אחותך אומרת שיצאת לפני עשר.
אז היא טועה. ראינו את המשחק ביחד.
המשחק נגמר בתשע וחצי, דניאל.
תשמע, אני לא יודע מה אתה רוצה שאגיד.
האמת תהיה התחלה טובה.
לא נגעתי בכסף הזה. אני נשבע בילדים שלי.
אף אחד לא הזכיר שום כסף.
כל הכפר מדבר על זה.
שב. נעבור על הכול שוב, לאט.
אפשר לפחות לקבל כוס מים?
כשתענה על השאלות שלי.
עורך הדין שלי ישמע על זה.
עורך הדין שלך בחופשה בספרד עד יום שני.
אז אני לא אומר יותר מילה.`,

	"hi": `कल रात तुम कहाँ थे?
मैंने तुम्हें पहले ही बताया था। मैं आधी रात तक अपनी बहन के घर पर था।
तुम्हारी बहन कहती है कि तुम दस बजे से पहले चले गए थे।
तो फिर वह गलत है। हमने साथ में मैच देखा था।
मैच साढ़े नौ बजे खत्म हो गया था, डैनियल।
देखो, मुझे नहीं पता कि तुम मुझसे क्या सुनना चाहते हो।
सच बोलना एक अच्छी शुरुआत होगी।
मैंने उस पैसे को हाथ नहीं लगाया। मैं अपने बच्चों की कसम खाता हूँ।
किसी ने पैसे के बारे में कुछ नहीं कहा।
पूरा गाँव इसी के बारे में बात कर रहा है।
बैठ जाओ। हम सब कुछ फिर से धीरे-धीरे देखेंगे।
क्या मुझे कम से कम एक गिलास पानी मिल सकता है?
जब तुम मेरे सवालों के जवाब दे दोगे।
मेरे वकील को इसके बारे में पता चलेगा।
तुम्हारा वकील सोमवार तक स्पेन में छुट्टी पर है।
तो फिर मैं अब एक शब्द भी नहीं बोलूँगा।`,

	"th": `เมื่อคืนคุณอยู่ที่ไหน
ผมบอกคุณไปแล้ว ผมอยู่บ้านพี่สาวจนถึงเที่ยงคืน
พี่สาวของคุณบอกว่าคุณออกไปก่อนสี่ทุ่ม
งั้นเธอก็จำผิด เราดูฟุตบอลด้วยกัน
การแข่งขันจบตอนสามทุ่มครึ่งนะ แดเนียล
ฟังนะ ผมไม่รู้ว่าคุณอยากให้ผมพูดอะไร
ความจริงน่าจะเป็นจุดเริ่มต้นที่ดี
ผมไม่ได้แตะเงินก้อนนั้นเลย ผมสาบานด้วยชีวิตลูกผม
ไม่มีใครพูดถึงเงินสักคำ
คนทั้งหมู่บ้านพูดเรื่องนี้กันหมด
นั่งลง เราจะไล่เรื่องทั้งหมดกันใหม่อีกครั้ง ช้าๆ
อย่างน้อยขอน้ำสักแก้วได้ไหม
เมื่อคุณตอบคำถามของผมแล้ว
ทนายของผมจะต้องรู้เรื่องนี้
ทนายของคุณไปเที่ยวสเปนจนถึงวันจันทร์
งั้นผมจะไม่พูดอะไรอีกแล้ว`,

	"tr": `Dün gece neredeydin?
Sana zaten söyledim. Gece yarısına kadar kız kardeşimin evindeydim.
Kız kardeşin saat ondan önce çıktığını söylüyor.
O zaman yanılıyor. Maçı birlikte izledik.
Maç dokuz buçukta bitti, Daniel.
Bak, ne dememi istediğini bilmiyorum.
Gerçeği söylemek iyi bir başlangıç olurdu.
O paraya dokunmadım. Çocuklarımın üzerine yemin ederim.
Kimse paradan bahsetmedi.
Bütün köy bunu konuşuyor.
Otur. Her şeyi bir kez daha, yavaş yavaş gözden geçireceğiz.
En azından bir bardak su alabilir miyim?
Sorularıma cevap verdiğinde.
Avukatım bundan haberdar olacak.
Avukatın pazartesiye kadar İspanya'da tatilde.
O zaman başka tek kelime etmiyorum.`,

	"vi": `Tối qua anh đã ở đâu?
Tôi đã nói với anh rồi. Tôi ở nhà chị gái tôi đến nửa đêm.
Chị gái anh nói anh đã về trước mười giờ.
Vậy thì chị ấy nhầm rồi. Chúng tôi đã xem trận đấu cùng nhau.
Trận đấu kết thúc lúc chín giờ rưỡi, Daniel.
Nghe này, tôi không biết anh muốn tôi nói gì.
Sự thật sẽ là một khởi đầu tốt.
Tôi không hề động vào số tiền đó. Tôi thề trên đầu các con tôi.
Không ai nhắc đến tiền cả.
Cả làng đang bàn tán về chuyện đó.
Ngồi xuống. Chúng ta sẽ xem lại mọi chuyện một lần nữa, thật chậm.
Ít nhất tôi có thể xin một cốc nước được không?
Khi nào anh trả lời xong các câu hỏi của tôi.
Luật sư của tôi sẽ biết chuyện này.
Luật sư của anh đang đi nghỉ ở Tây Ban Nha đến thứ Hai.
Vậy thì tôi sẽ không nói thêm một lời nào nữa.`,

	"id": `Di mana kamu tadi malam?
Sudah kubilang. Aku di rumah kakak perempuanku sampai tengah malam.
Kakakmu bilang kamu pergi sebelum jam sepuluh.
Berarti dia salah. Kami menonton pertandingan itu bersama.
Pertandingannya selesai jam setengah sepuluh, Daniel.
Dengar, aku tidak tahu apa yang ingin kamu dengar dariku.
Kebenaran akan jadi awal yang baik.
Aku tidak menyentuh uang itu. Aku bersumpah demi anak-anakku.
Tidak ada yang menyebut soal uang.
Seluruh desa sedang membicarakannya.
Duduklah. Kita akan membahas semuanya sekali lagi, pelan-pelan.
Boleh aku minta segelas air dulu?
Setelah kamu menjawab semua pertanyaanku.
Pengacaraku akan mendengar tentang ini.
Pengacaramu sedang berlibur di Spanyol sampai hari Senin.
Kalau begitu aku tidak akan bicara lagi.`,

	"ko": `어젯밤에 어디 있었어요?
이미 말했잖아요. 자정까지 누나 집에 있었어요.
누나는 당신이 열 시 전에 나갔다고 하던데요.
그럼 누나가 착각한 거예요. 같이 경기를 봤어요.
경기는 아홉 시 반에 끝났어요, 다니엘.
이봐요, 무슨 말을 듣고 싶은 건지 모르겠네요.
진실부터 말하면 좋겠군요.
난 그 돈에 손도 안 댔어요. 내 아이들을 걸고 맹세해요.
아무도 돈 얘기는 안 했는데요.
온 마을이 그 얘기뿐이에요.
앉아요. 처음부터 다시 천천히 짚어 봅시다.
물 한 잔만 마실 수 있을까요?
내 질문에 다 대답하고 나면요.
변호사가 이 일을 알게 될 거예요.
당신 변호사는 월요일까지 스페인에서 휴가 중이에요.
그럼 더는 한마디도 안 하겠어요.`,

	"ja": `昨日の夜はどこにいたんですか？
もう言いましたよ。夜中の十二時まで姉の家にいました。
お姉さんは、あなたが十時前に帰ったと言っています。
じゃあ、姉の勘違いです。一緒に試合を見ていたんですから。
試合は九時半に終わっていますよ、ダニエルさん。
いいですか、何を言えばいいのか分かりません。
本当のことを話してくれれば、それでいいんです。
あの金には手を付けていません。子供たちに誓います。
誰もお金の話なんてしていませんよ。
村中がその話で持ちきりですから。
座ってください。もう一度、最初からゆっくり確認しましょう。
せめて水を一杯もらえませんか？
私の質問に答えてからです。
このことは弁護士に話しますよ。
あなたの弁護士は月曜日までスペインで休暇中です。
それなら、もう何も話しません。`,

	"zh-Hans": `你昨天晚上在哪儿？
我已经跟你说过了。我在我姐姐家待到半夜。
你姐姐说你十点以前就走了。
那她记错了。我们一起看的比赛。
比赛九点半就结束了，丹尼尔。
听着，我不知道你想让我说什么。
说实话就是个好的开始。
那笔钱我碰都没碰过。我拿我的孩子发誓。
没有人提到钱的事。
整个村子都在议论这件事。
坐下。我们把所有事情再慢慢过一遍。
至少能给我一杯水吗？
等你回答完我的问题再说。
我的律师会知道这件事的。
你的律师在西班牙度假，要到星期一才回来。
那我一个字也不会再说了。`,

	"zh-Hant": `你昨天晚上在哪裡？
我已經跟你說過了。我在我姊姊家待到半夜。
你姊姊說你十點以前就走了。
那她記錯了。我們一起看的比賽。
比賽九點半就結束了，丹尼爾。
聽著，我不知道你想讓我說什麼。
說實話就是個好的開始。
那筆錢我碰都沒碰過。我拿我的孩子發誓。
沒有人提到錢的事。
整個村子都在議論這件事。
坐下。我們把所有事情再慢慢過一遍。
至少能給我一杯水嗎？
等你回答完我的問題再說。
我的律師會知道這件事的。
你的律師在西班牙度假，要到星期一才回來。
那我一個字也不會再說了。`,
}

// family is a second, everyday scene in a few languages, so that the
// identifier is not only tested on one text.
var family = map[string]string{
	"en": `Mum, have you seen my blue jacket anywhere?
It's on the chair in the kitchen, where you left it.
We're going to be late again. Hurry up, the bus leaves in five minutes.
I can't find my keys either. This morning is a disaster.
Did you remember to feed the cat before you went to bed?
Of course I did. She just wants a second breakfast.
Your grandmother is coming for dinner tonight, so please be home by seven.
Can my friend Sam stay over? His parents are away this weekend.
We'll talk about it after school. Now go, and take an umbrella.`,

	"fr": `Maman, tu n'as pas vu ma veste bleue ?
Elle est sur la chaise de la cuisine, là où tu l'as laissée.
On va encore être en retard. Dépêche-toi, le bus part dans cinq minutes.
Je ne trouve pas mes clés non plus. Cette matinée est une catastrophe.
Tu as pensé à nourrir le chat avant d'aller te coucher ?
Bien sûr. Elle veut juste un deuxième petit-déjeuner.
Ta grand-mère vient dîner ce soir, alors sois à la maison avant sept heures.
Est-ce que mon copain Sam peut dormir ici ? Ses parents sont partis ce week-end.
On en parlera après l'école. Allez, file, et prends un parapluie.`,

	"de": `Mama, hast du irgendwo meine blaue Jacke gesehen?
Sie liegt auf dem Stuhl in der Küche, wo du sie gelassen hast.
Wir kommen schon wieder zu spät. Beeil dich, der Bus fährt in fünf Minuten.
Ich finde meine Schlüssel auch nicht. Dieser Morgen ist eine Katastrophe.
Hast du daran gedacht, die Katze zu füttern, bevor du ins Bett gegangen bist?
Natürlich. Sie will nur ein zweites Frühstück.
Deine Oma kommt heute zum Abendessen, also sei bitte um sieben zu Hause.
Darf mein Freund Sam hier übernachten? Seine Eltern sind am Wochenende weg.
Darüber reden wir nach der Schule. Jetzt geh, und nimm einen Schirm mit.`,

	"es": `Mamá, ¿has visto mi chaqueta azul por algún sitio?
Está en la silla de la cocina, donde la dejaste.
Vamos a llegar tarde otra vez. Date prisa, el autobús sale en cinco minutos.
Tampoco encuentro mis llaves. Esta mañana es un desastre.
¿Te acordaste de darle de comer al gato antes de acostarte?
Claro que sí. Solo quiere un segundo desayuno.
Tu abuela viene a cenar esta noche, así que por favor estad en casa a las siete.
¿Puede quedarse a dormir mi amigo Sam? Sus padres no están este fin de semana.
Lo hablamos después del colegio. Ahora vete, y llévate un paraguas.`,

	"pt": `Mãe, você viu minha jaqueta azul em algum lugar?
Está na cadeira da cozinha, onde você deixou.
Vamos nos atrasar de novo. Anda logo, o ônibus sai em cinco minutos.
Também não acho minhas chaves. Esta manhã está um desastre.
Você lembrou de dar comida para o gato antes de ir dormir?
Claro que lembrei. Ela só quer um segundo café da manhã.
Sua avó vem jantar hoje à noite, então, por favor, esteja em casa às sete.
Meu amigo Sam pode dormir aqui? Os pais dele estão viajando neste fim de semana.
A gente conversa depois da escola. Agora vai, e leva um guarda-chuva.`,
}

// relatedScene holds the scene in languages of the confusable groups.
var relatedScene = map[string]string{
	"sv": `Var var du i går kväll?
Jag har redan sagt det. Jag var hos min syster till midnatt.
Din syster säger att du gick före tio.
Då har hon fel. Vi tittade på matchen tillsammans.
Matchen slutade halv tio, Daniel.
Hör här, jag vet inte vad du vill att jag ska säga.
Sanningen vore en bra början.
Jag rörde inte de pengarna. Jag svär på mina barn.
Ingen har nämnt några pengar.
Hela byn pratar om det.
Sätt dig. Vi går igenom allt en gång till, långsamt.
Kan jag åtminstone få ett glas vatten?
När du har svarat på mina frågor.
Min advokat kommer att få höra om det här.
Din advokat är på semester i Spanien till måndag.
Då säger jag inte ett ord till.`,

	"da": `Hvor var du i går aftes?
Det har jeg allerede sagt. Jeg var hos min søster til midnat.
Din søster siger, at du gik før klokken ti.
Så tager hun fejl. Vi så kampen sammen.
Kampen sluttede halv ti, Daniel.
Hør her, jeg ved ikke, hvad du vil have mig til at sige.
Sandheden ville være en god begyndelse.
Jeg rørte ikke de penge. Det sværger jeg på mine børn.
Ingen har nævnt nogen penge.
Hele landsbyen taler om det.
Sæt dig ned. Vi gennemgår det hele en gang til, langsomt.
Må jeg i det mindste få et glas vand?
Når du har svaret på mine spørgsmål.
Det kommer min advokat til at høre om.
Din advokat er på ferie i Spanien indtil mandag.
Så siger jeg ikke et ord mere.`,

	"nb": `Hvor var du i går kveld?
Jeg har allerede sagt det. Jeg var hos søsteren min til midnatt.
Søsteren din sier at du gikk før klokka ti.
Da tar hun feil. Vi så kampen sammen.
Kampen var ferdig halv ti, Daniel.
Hør her, jeg vet ikke hva du vil at jeg skal si.
Sannheten hadde vært en god start.
Jeg rørte ikke de pengene. Jeg sverger på barna mine.
Ingen har nevnt noen penger.
Hele bygda snakker om det.
Sett deg. Vi går gjennom alt en gang til, sakte.
Kan jeg i det minste få et glass vann?
Når du har svart på spørsmålene mine.
Advokaten min kommer til å høre om dette.
Advokaten din er på ferie i Spania til mandag.
Da sier jeg ikke ett ord til.`,

	"ca": `On era ahir a la nit?
Ja t'ho he dit. Era a casa de la meva germana fins a mitjanit.
La teva germana diu que vas marxar abans de les deu.
Doncs s'equivoca. Vam mirar el partit junts.
El partit es va acabar a dos quarts de deu, Daniel.
Mira, no sé què vols que et digui.
La veritat seria un bon començament.
No vaig tocar aquests diners. T'ho juro pels meus fills.
Ningú no ha parlat de diners.
Tot el poble en parla.
Seu. Ho repassarem tot una altra vegada, a poc a poc.
Almenys em podries donar un got d'aigua?
Quan hagis respost les meves preguntes.
El meu advocat se n'assabentarà.
El teu advocat és de vacances a Espanya fins dilluns.
Aleshores no diré ni una paraula més.`,

	"hr": `Gdje si bio sinoć?
Već sam ti rekao. Bio sam kod sestre do ponoći.
Tvoja sestra kaže da si otišao prije deset.
Onda se vara. Zajedno smo gledali utakmicu.
Utakmica je završila u pola deset, Daniele.
Slušaj, ne znam što želiš da ti kažem.
Istina bi bila dobar početak.
Nisam dirao taj novac. Kunem se svojom djecom.
Nitko nije spomenuo nikakav novac.
Cijelo selo priča o tome.
Sjedni. Proći ćemo sve još jednom, polako.
Mogu li barem dobiti čašu vode?
Kad odgovoriš na moja pitanja.
Moj odvjetnik će čuti za ovo.
Tvoj odvjetnik je na godišnjem odmoru u Španjolskoj do ponedjeljka.
Onda više ne govorim ni riječi.`,

	"sr-Latn": `Gde si bio sinoć?
Već sam ti rekao. Bio sam kod sestre do ponoći.
Tvoja sestra kaže da si otišao pre deset.
Onda se vara. Zajedno smo gledali utakmicu.
Utakmica se završila u pola deset, Danijele.
Slušaj, ne znam šta hoćeš da ti kažem.
Istina bi bila dobar početak.
Nisam dirao taj novac. Kunem se decom.
Niko nije pomenuo nikakav novac.
Celo selo priča o tome.
Sedi. Proći ćemo sve još jednom, polako.
Mogu li bar da dobijem čašu vode?
Kad odgovoriš na moja pitanja.
Moj advokat će čuti za ovo.
Tvoj advokat je na odmoru u Španiji do ponedeljka.
Onda više ne govorim ni reč.`,

	"ur": `کل رات تم کہاں تھے؟
میں نے تمہیں پہلے ہی بتا دیا تھا۔ میں آدھی رات تک اپنی بہن کے گھر پر تھا۔
تمہاری بہن کہتی ہے کہ تم دس بجے سے پہلے چلے گئے تھے۔
تو پھر وہ غلط ہے۔ ہم نے ساتھ میں میچ دیکھا تھا۔
میچ ساڑھے نو بجے ختم ہو گیا تھا، ڈینیل۔
دیکھو، مجھے نہیں پتا کہ تم مجھ سے کیا سننا چاہتے ہو۔
سچ بولنا ایک اچھی شروعات ہوگی۔
میں نے اس پیسے کو ہاتھ نہیں لگایا۔ میں اپنے بچوں کی قسم کھاتا ہوں۔
کسی نے پیسے کے بارے میں کچھ نہیں کہا۔
پورا گاؤں اسی کے بارے میں بات کر رہا ہے۔`,

	"ms": `Di mana awak semalam?
Saya sudah beritahu awak. Saya berada di rumah kakak saya sampai tengah malam.
Kakak awak kata awak pergi sebelum pukul sepuluh.
Kalau begitu dia silap. Kami menonton perlawanan itu bersama-sama.
Perlawanan itu tamat pada pukul sembilan setengah, Daniel.
Dengar sini, saya tak tahu apa yang awak mahu saya katakan.
Kebenaran adalah permulaan yang baik.
Saya tak sentuh duit itu. Saya bersumpah demi anak-anak saya.
Tiada siapa sebut pasal duit.
Seluruh kampung bercakap tentang perkara itu.`,
}

// phone is a third scene for the close pair Spanish/Portuguese, so that a
// file long enough for a close-language finding is real text, not repeats.
var phone = map[string]string{
	"es": `¿Diga? Sí, soy yo. ¿Quién habla?
Perdone, no le oigo bien, estoy en el coche.
Le llamo de la clínica por los resultados de su padre.
¿Ha pasado algo? Esta mañana me dijeron que todo iba bien.
No se preocupe, pero el médico quiere hablar con usted en persona.
Puedo estar allí dentro de media hora, si el tráfico lo permite.
Pregunte por la doctora Herrera en la tercera planta.
¿Tengo que llevar algún documento o la tarjeta del seguro?
Traiga el informe del mes pasado, si todavía lo tiene.
De acuerdo. Muchas gracias por avisarme tan rápido.
Conduzca con cuidado, que está lloviendo mucho.
Ya lo sé, las carreteras están fatal desde anoche.
Le esperamos aquí. Hasta ahora.`,

	"pt": `Alô? Sim, sou eu. Quem está falando?
Desculpe, não estou ouvindo direito, estou no carro.
Estou ligando da clínica por causa dos exames do seu pai.
Aconteceu alguma coisa? Hoje de manhã me disseram que estava tudo bem.
Não se preocupe, mas o médico quer falar com você pessoalmente.
Consigo chegar aí em meia hora, se o trânsito deixar.
Pergunte pela doutora Herrera no terceiro andar.
Preciso levar algum documento ou a carteirinha do plano de saúde?
Traga o relatório do mês passado, se ainda estiver com você.
Tudo bem. Muito obrigado por me avisar tão rápido.
Dirija com cuidado, está chovendo muito.
Eu sei, as estradas estão horríveis desde ontem à noite.
Estamos esperando você aqui. Até já.`,
}

// lines splits a test text into subtitle lines.
func lines(s string) []string { return strings.Split(s, "\n") }
