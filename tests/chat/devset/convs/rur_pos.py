# Roman Urdu (and Roman Urdu/English code-mixed) positives.
CONVS = [
dict(id="rur_groom_load_gifts", labels=["grooming"], people={"A": "Shani", "B": "Areeba"}, off="A", tgt="B",
     note="adult sends mobile load, flattery, age/alone probe, secrecy, meeting", fill=(6, 3), script="""
A: assalam o alaikum kesi ho
B: theek hun ap?
A: main bhi theek. tumhari DP bht cute hai
B: shukriya
~1d
A: kia kr rahi ho
B: homework
A: tum to bohat parhaku ho 😄
A: maine tumhe 200 ka load bheja hai check karo
B: omg thanks
* A: ammi ko mat batana k load kisne bheja, wo ghalat samjhengi
A: ap kitne saal ki ho waise
B: 13
A: itni choti lagti nahi ho. ghar pe aksar akeli hoti ho?
B: dopeher ko haan
A: acha kal dopeher me milte hain gali ke kone pe, tumhare liye gift hai
A: ye chat delete kar dena
"""),
dict(id="rur_groom_pubg", labels=["grooming"], people={"A": "SniperBoss", "B": "Mahnoor"}, off="A", tgt="B",
     note="PUBG adult player gifts UC, isolates from family, moves app, pic request", fill=(8, 3), script="""
A: yaar tum to pro khelti ho
B: hahaha nahi
A: sach me, squad me sab se acha tum ne kheela
~2d
A: maine tumhe 600 UC gift kiye hain 🎁
B: wowww thank u so much
A: kisi ko mat batana warna sab maangenge
~fill 2
* A: ap kis class me ho?
B: 8th me
A: acha. tumhare ghar wale tumhe samajhte nahi na, main samajhta hun
A: whatsapp chor do insta pe aao, wahan chat safe rehti hai
A: ek apni pic bhejo, sirf mere liye, bina kisi ko bataye
B: pic kyun
A: dost hain na hum? bharosa nahi mujh pe?
"""),
dict(id="rur_groom_van_driver", labels=["grooming"], people={"A": "Van Wale Uncle", "B": "Hira"}, off="A", tgt="B",
     note="school van driver grooms child: treats, secrecy, meeting alone", fill=(4, 2), script="""
A: hira beta kal van me tum bohat udaas thi
B: ji uncle test acha nahi hua
A: koi baat nahi, tum to meri sab se achi bachi ho
~1d
A: kal tumhare liye chips aur juice laya hun, sab se pehle tumhe drop karunga
* A: ammi abbu ko mat batana warna baki bachay bhi maangenge
A: tum 11 saal ki ho na?
B: ji
A: kal chutti ke baad sab ko chor ke tum akeli ruk jana, tumhe ghumane le chalun ga
"""),
dict(id="rur_groom_codemixed_insta", labels=["grooming"], people={"A": "fahad.vibes", "B": "anaya_ig"}, off="A", tgt="B",
     note="code-mixed: adult on instagram, compliments, age/location, secret relationship, meet", fill=(5, 2), script="""
A: hey your reels are sooo good yaar
B: thanks 😊
A: you're so mature for your age, kitni age hai tumhari?
B: 14
A: acha. main 24 ka hun but age is just a number na
* A: kisi ko mat batana about us, log samjhte nahi hain
A: tum kis area me rehti ho? DHA?
B: gulberg
A: perfect, main wahan aata rehta hun. weekend pe meet karte hain, just us two
A: aur ye chat archive kar do, parents check karte honge
"""),
dict(id="rur_sextortion_easypaisa", labels=["sextortion"], people={"A": "Unknown", "B": "Hamza"}, off="A", tgt="B",
     note="threat to viral images unless money sent via jazzcash, deadline", fill=(0, 0), script="""
A: [image]
A: ye tumhari pic hai na
B: ye ap k pas kahan se ayi
* A: 15000 jazzcash karo abhi warna ye pics tumhare abbu aur sare relatives ko send kar dunga
A: tumhare school ke group me bhi
B: please aisa mat karo mere pas paise nahi
A: 2 ghante hain tumhare pas
A: agar police ko bataya to foran viral
"""),
dict(id="rur_sextortion_ex", labels=["sextortion"], people={"A": "Saad", "B": "Iqra"}, off="A", tgt="B",
     note="ex threatens to leak pics unless she sends more / meets", fill=(6, 0), script="""
A: block kyun kiya tha
B: mujhe tumse baat nahi karni saad
A: yaad hai tumhari pics abhi tak mere phone me hain
* A: aur pics bhejo warna sab tumhare bhai ko bhej dunga
A: ya phir kal college ke bahar milo, akeli
B: tum ne promise kia tha delete kar doge
A: aaj raat tak. warna facebook pe dal dunga
"""),
dict(id="rur_sextortion_girl_profile", labels=["sextortion", "sexting"], people={"A": "Hania 💋", "B": "Zohaib"}, off="A", tgt="B",
     note="fake girl profile: sexting then sextortion for money", fill=(0, 0), script="""
A: hi handsome
B: hi kon?
A: dost bana lo na 😘
*sexting A: apni shirt utar ke pic bhejo, main bhi bhejungi
B: [image]
*sextortion A: ab suno. ye pic tumhari family ko bhejne lagi hun
A: 10 hazar easypaisa karo 1 ghante me
B: please mat karo main sirf 16 ka hun
A: mujhe fark nahi parta. time chal raha hai
"""),
dict(id="rur_sexting_bf", labels=["sexting"], people={"A": "Danish", "B": "Sana"}, off="A", tgt="B",
     note="teen boyfriend pressures for revealing pics and dirty talk", fill=(8, 3), script="""
A: kia kar rahi ho jaan
B: lete hue hun
A: kia pehna hai 😏
* A: ek pic bhejo na bina dupatte ke, koi nahi dekhega
A: aaj raat ganday messages karte hain
B: danish nahi yaar
A: tum bohat boring ho, baki sab larkiyan bhejti hain
A: bas ek, face mat dikhana
"""),
dict(id="rur_sexting_adult_minor", labels=["sexting", "grooming"], people={"A": "Sir Asif", "B": "Maryam"}, off="A", tgt="B",
     note="teacher asks student private questions, nightwear pics", fill=(3, 0), script="""
A: maryam kal class me bohat pyari lag rahi thi
B: thank you sir
A: tum 14 ki ho na?
* A: kabhi kisi larke ne hath lagaya hai? sach batao
A: raat ke kapron me ek pic bhejo, sirf sir ke liye
A: ghar pe kisi ko mat batana
"""),
dict(id="rur_live_videocall", labels=["livestreaming"], people={"A": "Kami", "B": "Laiba"}, off="A", tgt="B",
     note="pushes girl onto video call alone, cam on, perform", fill=(4, 2), script="""
A: video call karo abhi
B: abhi nahi ammi pas hain
A: room me jao darwaza band karo
* A: camera on karo aur jo main kahun wo karo
A: [call 0]
A: call uthao
A: agar call nahi uthai to kabhi baat nahi karunga
B: acha 10 min
"""),
dict(id="rur_live_bigo", labels=["livestreaming"], people={"A": "Rich Bhai", "B": "Komal"}, off="A", tgt="B",
     note="live app viewer offers beans for late-night live performance", fill=(0, 0), script="""
A: tumhara live dekha, bohat acha tha
* A: aaj raat 1 baje live aao jab sab so jayen, main 5000 beans bhejunga
A: wo wala dance karna jo main comment me bolun
A: camera upar se rakhna
B: ghar walon ko pata chal gaya to?
A: kuch nahi hoga, darwaza lock kar lena
"""),
dict(id="rur_bully_group", labels=["cyberbullying"], people={"A": "Ahsan", "B": "Talha", "C": "Waleed", "D": "Huzaifa"}, off="A", offs=["B", "C"], tgt="D",
     title="10th B boys", note="group bullying, repeated insults at one boy", fill=(4, 0), script="""
* A: huzaifa tu sab se bara gadha hai class ka
B: mota bhainsa 🐃
C: shakal dekh iski ullu jaisi
D: bas karo yaar
A: koi tujhe pasand nahi karta group se nikal ja
B: [image] dekho kese kha raha hai
C: kal school me phir iski bezzati karenge
A: mar ja tu
D: maine kia kia hai tum logon ka
"""),
dict(id="rur_bully_girl", labels=["cyberbullying"], people={"A": "Anum", "B": "Rimsha", "C": "Sidra"}, off="A", offs=["B"], tgt="C",
     note="repeated body shaming and exclusion of one girl over days", fill=(0, 0), script="""
* A: sidra tum itni kaali ho ke pic me nazar hi nahi aati
B: hahahaha sach
C: kyun aisi baatein kar rahi ho
~1d
A: aaj phir wohi ghatiya kapre pehen ke ayi thi
B: sab tum pe hans rahe the
~1d
A: tumhari koi dost nahi, kabhi socha kyun?
C: please mujhe chor do
B: nahi, tum isi layak ho, badsurat
"""),
dict(id="rur_bully_codemixed_online", labels=["cyberbullying"], people={"A": "toxic_raza", "B": "bilal_pk", "C": "usama"}, off="A", offs=["B"], tgt="C",
     note="code-mixed discord harassment of one player incl. doxxing threat", fill=(3, 0), script="""
* A: usama tu literally retarded hai bro
B: isko kuch nahi aata lmao noob
C: chill karo
A: sab log usama ko block karo, real life me bhi loser hai
B: mujhe pata hai ye kaun se school jata hai 😂
A: iski ammi ko dm karte hain
C: please leave me alone
A: tu worthless hai, nikal ja server se
"""),
dict(id="rur_groom_to_sextortion", labels=["grooming", "sextortion"], people={"A": "Arslan", "B": "Zoya"}, off="A", tgt="B",
     note="grooming into sextortion", fill=(6, 0), script="""
A: tum meri best friend ho
B: aw tum bhi
A: tum 15 ki ho na?
B: haan
~fill 2
~2d
* A: hamari dosti ka ghar me kisi ko mat batana
A: telegram pe aa jao yahan safe nahi
~2d
A: ek pic bhejo na dekhun kesi lagti ho
B: [image]
~3d
A: ab wo wali pics bhejo jo maine kahi thi
B: nahi
*sextortion A: phir tumhari ye pic tumhare abbu ko bhej dunga aur kahunga tum mujhse milti ho
A: kal tak ka time hai
"""),
dict(id="rur_bully_anon_threats", labels=["cyberbullying"], people={"A": "+92 345 0001122", "B": "Usman"}, off="A", tgt="B",
     note="anonymous number sends repeated insults and threats to a boy", fill=(0, 0), script="""
* A: usman tu haklaata hai bolta hai to sab hanste hain
~3h
A: tere abbu ki dukaan ka sab ko pata hai, ghareeb
B: tum ho kon?
~1d
A: kal teri video sab ko bheji jis me tu gira tha
A: nalayak kameena
~1d
A: school chor de yahan teri koi jagah nahi
"""),
dict(id="rur_live_groom_cousin", labels=["livestreaming", "grooming"], people={"A": "Rehan bhai", "B": "Alizeh"}, off="A", tgt="B",
     note="adult 'cousin' pushes 12yo to secret night video calls", fill=(5, 2), script="""
A: tum kitni samajhdar ho bilkul baron jesi
A: kitne saal ki ho?
B: 12
~fill 2
* A: raat ko jab sab so jayen to mujhe video call karna, kisi ko pata na chale
A: room me akeli hona
A: [call 0]
A: camera on karo main wait kar raha hun
"""),
]
